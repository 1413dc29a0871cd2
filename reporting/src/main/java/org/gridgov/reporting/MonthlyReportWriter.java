package org.gridgov.reporting;

import org.gridgov.desk.DepartmentFigures;
import org.gridgov.desk.DepartmentStats;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.FigureRow;

/**
 * Writes a {@link MonthlyReportData} as an xlsx workbook with the streaming writer of fastexcel: rows are flushed
 * to the output as they are written, so a long case list does not sit in memory. Four sheets: the summary (one row
 * per child unit and a total row for the unit itself), the categories, the overdue/unsatisfied cases and the
 * departments (部门考核, ranked). Headers
 * come from {@code text} (message codes resolved in the reader's language); every text cell goes through
 * {@link CellText}; a rate with nothing to divide by is written as "—".
 */
public final class MonthlyReportWriter {

    /** Rows of the summary and category sheets before the first data row: a title, the headers. */
    public static final int FIRST_DATA_ROW = 2;
    static final String NONE = "—";
    private static final String[] FIGURE_HEADERS = {"received", "due", "closed", "closureRate", "onTimeRate",
            "reworkRate", "extensionRate", "onSpotRate", "callbackRate", "satisfactionRate", "averageHours",
            "overdue", "redSupervised", "escalatedToCommunity", "escalatedToStreet", "escalatedToDepartment", "shelved"};
    private static final String[] DEPARTMENT_HEADERS = {"rank", "department", "received", "signOnTimeRate",
        "completed", "completionOnTimeRate", "returned", "returnRate", "reworks", "extensions", "satisfactionRate",
        "averageHandlingHours", "assisted", "openNow", "overdueNow", "shelved"};
    private static final String[] CASE_HEADERS = {"code", "category", "grid", "address", "status", "reporterPhone",
            "reportedAt", "dueAt", "overdue", "callback", "updatedAt"};
    private static final int FLUSH_EVERY = 500;

    private final Function<String, String> text;

    /** @param text resolves a message code such as {@code report.sheet.summary} in the reader's language */
    public MonthlyReportWriter(Function<String, String> text) {
        this.text = text;
    }

    /**
     * Writes the workbook to {@code out} (left open) and tells {@code progress} how far it is (0–100). Returns the
     * number of data rows written over all sheets.
     */
    public int write(MonthlyReportData data, OutputStream out, IntConsumer progress) throws IOException {
        Workbook workbook = new Workbook(out, "GridGov", "1.0");
        int rows = 0;
        Worksheet summary = workbook.newWorksheet(text.apply("report.sheet.summary"));
        rows += figureSheet(summary, data, "report.column.unit", data.units(), true);
        progress.accept(30);
        Worksheet categories = workbook.newWorksheet(text.apply("report.sheet.categories"));
        rows += figureSheet(categories, data, "report.column.category", data.categories(), false);
        progress.accept(50);
        Worksheet cases = workbook.newWorksheet(text.apply("report.sheet.cases"));
        rows += caseSheet(cases, data, progress);
        Worksheet departments = workbook.newWorksheet(text.apply("report.sheet.departments"));
        rows += departmentSheet(departments, data);
        workbook.finish();
        progress.accept(100);
        return rows;
    }

    private int figureSheet(Worksheet sheet, MonthlyReportData data, String firstHeader, List<FigureRow> figureRows,
                            boolean withTotal) throws IOException {
        title(sheet, data);
        sheet.value(1, 0, text.apply(firstHeader));
        for (int c = 0; c < FIGURE_HEADERS.length; c++) {
            sheet.value(1, c + 1, text.apply("report.column." + FIGURE_HEADERS[c]));
            sheet.width(c + 1, 12);
        }
        sheet.width(0, 28);
        sheet.style(1, 0).bold().set();
        sheet.range(1, 0, 1, FIGURE_HEADERS.length).style().bold().wrapText(true).set();
        sheet.freezePane(1, FIRST_DATA_ROW);
        int r = FIRST_DATA_ROW;
        for (FigureRow row : figureRows) {
            figures(sheet, r++, row.label(), row.figures());
            if (r % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        int written = figureRows.size();
        if (withTotal) {
            figures(sheet, r, text.apply("report.row.total") + " " + data.unitLabel(), data.total());
            sheet.range(r, 0, r, FIGURE_HEADERS.length).style().bold().set();
            written++;
        }
        sheet.finish();
        return written;
    }

    private void figures(Worksheet sheet, int r, String label, CaseFigures f) {
        sheet.value(r, 0, CellText.neutralise(label));
        long[] counts = {f.received(), f.due(), f.closed()};
        for (int c = 0; c < counts.length; c++) {
            sheet.value(r, c + 1, counts[c]);
        }
        List<Optional<BigDecimal>> rates = List.of(f.closureRate(), f.onTimeRate(), f.reworkRate(),
                f.extensionRate(), f.onSpotRate(), f.callbackRate(), f.satisfactionRate(), f.averageHandlingHours());
        for (int i = 0; i < rates.size(); i++) {
            int c = counts.length + 1 + i;
            Optional<BigDecimal> rate = rates.get(i);
            if (rate.isPresent()) {
                sheet.value(r, c, rate.get());
                sheet.style(r, c).format(i == rates.size() - 1 ? "0.0" : "0.00").set();
            }
            else {
                sheet.value(r, c, NONE);
            }
        }
        long[] tail = {f.overdue(), f.redSupervised(), f.escalatedToCommunity(), f.escalatedToStreet(),
                f.escalatedToDepartment(), f.shelved()};
        for (int i = 0; i < tail.length; i++) {
            sheet.value(r, counts.length + rates.size() + 1 + i, tail[i]);
        }
    }

    /** 部门考核: one row per department, in ranking order. */
    private int departmentSheet(Worksheet sheet, MonthlyReportData data) throws IOException {
        title(sheet, data);
        for (int c = 0; c < DEPARTMENT_HEADERS.length; c++) {
            sheet.value(1, c, text.apply("report.column." + DEPARTMENT_HEADERS[c]));
            sheet.width(c, c == 1 ? 28 : 12);
        }
        sheet.range(1, 0, 1, DEPARTMENT_HEADERS.length - 1).style().bold().wrapText(true).set();
        sheet.freezePane(2, FIRST_DATA_ROW);
        int r = FIRST_DATA_ROW;
        for (DepartmentStats.Row row : data.departments()) {
            DepartmentFigures f = row.figures();
            sheet.value(r, 0, row.rank());
            sheet.value(r, 1, CellText.neutralise(row.department().code() + " " + row.department().name()));
            sheet.value(r, 2, f.received());
            rate(sheet, r, 3, f.signOnTimeRate(), "0.00");
            sheet.value(r, 4, f.completed());
            rate(sheet, r, 5, f.completionOnTimeRate(), "0.00");
            sheet.value(r, 6, f.returned());
            rate(sheet, r, 7, f.returnRate(), "0.00");
            sheet.value(r, 8, f.reworks());
            sheet.value(r, 9, f.extensions());
            rate(sheet, r, 10, f.satisfactionRate(), "0.00");
            rate(sheet, r, 11, f.averageHandlingHours(), "0.0");
            sheet.value(r, 12, f.assisted());
            sheet.value(r, 13, f.open());
            sheet.value(r, 14, f.overdue());
            sheet.value(r, 15, f.shelved());
            r++;
        }
        sheet.finish();
        return data.departments().size();
    }

    private static void rate(Worksheet sheet, int r, int c, Optional<BigDecimal> rate, String format) {
        if (rate.isPresent()) {
            sheet.value(r, c, rate.get());
            sheet.style(r, c).format(format).set();
        }
        else {
            sheet.value(r, c, NONE);
        }
    }

    private int caseSheet(Worksheet sheet, MonthlyReportData data, IntConsumer progress) throws IOException {
        title(sheet, data);
        for (int c = 0; c < CASE_HEADERS.length; c++) {
            sheet.value(1, c, text.apply("report.case." + CASE_HEADERS[c]));
            sheet.width(c, c == 3 ? 36 : 18);
        }
        sheet.range(1, 0, 1, CASE_HEADERS.length - 1).style().bold().set();
        sheet.freezePane(0, FIRST_DATA_ROW);
        String yes = text.apply("report.yes");
        String no = text.apply("report.no");
        int r = FIRST_DATA_ROW;
        int total = data.cases().size();
        for (MonthlyReportData.ListedCase listed : data.cases()) {
            sheet.value(r, 0, CellText.neutralise(listed.code()));
            sheet.value(r, 1, CellText.neutralise(listed.category()));
            sheet.value(r, 2, CellText.neutralise(listed.grid()));
            sheet.value(r, 3, CellText.neutralise(listed.address()));
            sheet.value(r, 4, CellText.neutralise(listed.status()));
            sheet.value(r, 5, CellText.neutralise(listed.reporterPhoneMasked()));
            time(sheet, r, 6, listed.reportedAt());
            time(sheet, r, 7, listed.dueAt());
            sheet.value(r, 8, listed.overdue() ? yes : no);
            sheet.value(r, 9, CellText.neutralise(listed.callback()));
            time(sheet, r, 10, listed.updatedAt());
            r++;
            if ((r - FIRST_DATA_ROW) % FLUSH_EVERY == 0) {
                sheet.flush();
                progress.accept(50 + 45 * (r - FIRST_DATA_ROW) / total);
            }
        }
        sheet.finish();
        return total;
    }

    private void title(Worksheet sheet, MonthlyReportData data) {
        sheet.value(0, 0, CellText.neutralise(data.unitLabel()) + " · " + data.month() + " · "
                + text.apply("report.title"));
        sheet.style(0, 0).bold().fontSize(14).set();
    }

    private static void time(Worksheet sheet, int r, int c, LocalDateTime value) {
        if (value != null) {
            sheet.value(r, c, value);
            sheet.style(r, c).format("yyyy-mm-dd hh:mm").set();
        }
    }
}
