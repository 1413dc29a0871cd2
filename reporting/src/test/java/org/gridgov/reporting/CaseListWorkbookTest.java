package org.gridgov.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.DeadlineColour;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.Satisfaction;
import org.junit.jupiter.api.Test;

/** The case-list workbook: streamed to its output while rows still come, read back with safe text and masked phones. */
class CaseListWorkbookTest {

    static final Instant REPORTED = Instant.parse("2026-10-03T01:15:00Z");

    final CaseListWorkbook workbook = new CaseListWorkbook(new CaseListWorkbook.Labels() {
        @Override
        public String text(String code) {
            return "#" + code;
        }

        @Override
        public String category(String code) {
            return code + " 邻里纠纷";
        }

        @Override
        public String grid(long gridUnitId) {
            return gridUnitId == 2 ? "-2 网格" : gridUnitId + " 网格";
        }

        @Override
        public LocalDateTime local(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.ofHours(8));
        }
    });

    static CaseView aCase(long id, String description) {
        return new CaseView(id, String.format("2026100300%04d", id), "0101", RequestNature.HELP,
                CaseChannel.HOTLINE, false, id % 3, "幸福路" + id + "号", null, null, description, "张三",
                "138****5678", CaseStatus.HANDLING, 3, HandlingLevel.GRID, null, null, 0, 0, 0, 0, 0, null, false,
                id % 2 == 0 ? Satisfaction.UNSATISFIED : null, DeadlineStage.HANDLE, REPORTED.plusSeconds(3600),
                REPORTED.plusSeconds(7200), DeadlineColour.RED, true, REPORTED.plusSeconds(id), REPORTED, null,
                null);
    }

    @Test
    void writesEachCaseWithNeutralisedTextAndTheMaskedPhoneOnly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<CaseView> cases = List.of(aCase(1, "=SUM(1+2)"), aCase(2, "+86 楼道堆物"), aCase(3, "路灯不亮"));
        int written = workbook.write("事件清单", cases::forEach, out, n -> { });
        assertThat(written).isEqualTo(3);
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = read.getFirstSheet().read();
            assertThat(rows).hasSize(CaseListWorkbook.FIRST_DATA_ROW + 3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("#export.case.code");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("20261003000001");
            assertThat(rows.get(1).getCellText(5)).isEqualTo("'=SUM(1+2)");
            assertThat(rows.get(2).getCellText(5)).isEqualTo("'+86 楼道堆物");
            assertThat(rows.get(2).getCellText(3)).as("a unit's name is text too").isEqualTo("'-2 网格");
            assertThat(rows.get(3).getCellText(5)).isEqualTo("路灯不亮");
            assertThat(rows.get(1).getCellText(7)).isEqualTo("#caseStatus.HANDLING");
            assertThat(rows.get(2).getCellText(11)).isEqualTo("#satisfaction.UNSATISFIED");
            assertThat(rows.get(1).getCellText(11)).isEmpty();
            assertThat(rows).allSatisfy(r -> assertThat(r.stream().map(c -> c == null ? "" : c.getText()).toList())
                    .noneMatch(text -> text.contains("张三")));
            assertThat(rows.get(1).getCellText(13)).isEqualTo("138****5678");
        }
    }

    @Test
    void reachesItsOutputWhileTheRowsStillCome() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int total = 20_000;
        List<Integer> sizeAtHalf = new ArrayList<>();
        Consumer<Consumer<CaseView>> source = each -> {
            for (int i = 1; i <= total; i++) {
                each.accept(aCase(i, "描述 " + i));
                if (i == total / 2) {
                    sizeAtHalf.add(out.size());
                }
            }
        };
        List<Integer> progress = new ArrayList<>();
        assertThat(workbook.write("事件清单", source, out, progress::add)).isEqualTo(total);
        // a writer that kept the rows would have written nothing by then: half the rows means about half the bytes
        assertThat(sizeAtHalf.get(0)).isGreaterThan(out.size() / 4);
        assertThat(progress).hasSize(total / CaseListWorkbook.FLUSH_EVERY).startsWith(CaseListWorkbook.FLUSH_EVERY);
    }
}
