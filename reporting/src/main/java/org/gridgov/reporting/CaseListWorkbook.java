package org.gridgov.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gridgov.desk.CaseView;

/**
 * Writes a case list as one xlsx sheet with fastexcel's streaming writer: every {@value #FLUSH_EVERY} rows are
 * flushed to the output (compressed on the way), so the workbook never holds more than that many rows whatever the
 * length of the list. A row per case: code, times in the platform's zone, labels in the reader's language, the
 * reporter's phone only masked; every text cell goes through {@link CellText}.
 */
public final class CaseListWorkbook {

    /** Rows before the first case: the headers. */
    public static final int FIRST_DATA_ROW = 1;
    static final int FLUSH_EVERY = 500;
    private static final String[] HEADERS = {"code", "reportedAt", "category", "grid", "address", "description",
        "channel", "status", "level", "dueAt", "overdue", "callback", "closedAt", "reporterPhone"};
    private static final String TIME_FORMAT = "yyyy-mm-dd hh:mm";

    /** How a row's codes and times read: labels resolved in the reader's language, instants in the platform's zone. */
    public interface Labels {
        String text(String messageCode);

        String category(String code);

        String grid(long gridUnitId);

        java.time.LocalDateTime local(Instant instant);
    }

    private final Labels labels;

    public CaseListWorkbook(Labels labels) {
        this.labels = labels;
    }

    /**
     * Writes the sheet titled {@code title} to {@code out} (left open) with the cases {@code source} hands over, and
     * tells {@code written} the running count every {@value #FLUSH_EVERY} rows. Returns the number of cases written.
     */
    public int write(String title, Consumer<Consumer<CaseView>> source, OutputStream out, IntConsumer written)
            throws IOException {
        Workbook workbook = new Workbook(out, "GridGov", "1.0");
        Worksheet sheet = workbook.newWorksheet(CellText.neutralise(title));
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.value(0, c, labels.text("export.case." + HEADERS[c]));
            sheet.width(c, c == 4 || c == 5 ? 36 : 16);
        }
        sheet.range(0, 0, 0, HEADERS.length - 1).style().bold().set();
        sheet.freezePane(1, FIRST_DATA_ROW);
        String yes = labels.text("report.yes");
        String no = labels.text("report.no");
        Function<String, String> text = labels::text;
        int[] row = {FIRST_DATA_ROW};
        source.accept(c -> {
            int r = row[0]++;
            text(sheet, r, 0, c.code());
            time(sheet, r, 1, c.reportedAt());
            text(sheet, r, 2, labels.category(c.categoryCode()));
            text(sheet, r, 3, labels.grid(c.gridUnitId()));
            text(sheet, r, 4, c.address());
            text(sheet, r, 5, c.description());
            text(sheet, r, 6, text.apply("channel." + c.channel()));
            text(sheet, r, 7, text.apply("caseStatus." + c.status()));
            text(sheet, r, 8, c.level() == null ? null : text.apply("handlingLevel." + c.level()));
            time(sheet, r, 9, c.stage() == null ? null : c.stageRedAt());
            sheet.value(r, 10, c.overdue() ? yes : no);
            text(sheet, r, 11, c.callback() == null ? null : text.apply("satisfaction." + c.callback()));
            time(sheet, r, 12, c.closedAt());
            text(sheet, r, 13, c.reporterPhoneMasked());
            if ((r - FIRST_DATA_ROW + 1) % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                written.accept(r - FIRST_DATA_ROW + 1);
            }
        });
        sheet.finish();
        workbook.finish();
        return row[0] - FIRST_DATA_ROW;
    }

    private static void text(Worksheet sheet, int r, int c, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.value(r, c, CellText.neutralise(value));
        }
    }

    private void time(Worksheet sheet, int r, int c, Instant value) {
        if (value != null) {
            sheet.value(r, c, labels.local(value));
            sheet.style(r, c).format(TIME_FORMAT).set();
        }
    }
}
