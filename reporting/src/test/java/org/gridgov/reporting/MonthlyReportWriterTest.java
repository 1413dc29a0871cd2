package org.gridgov.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.FigureRow;
import org.junit.jupiter.api.Test;

/** The workbook read back with fastexcel's reader: sheets, headers, figures, "—" for empty rates, safe text. */
class MonthlyReportWriterTest {

    // received, due, deferred, closed, closedOnTime, reworked, extended, onSpot, callbacks, satisfied, basically,
    // handlingSeconds, overdue, redSupervised, escalations to community, street, department
    static final CaseFigures EAST = new CaseFigures(10, 8, 0, 6, 5, 1, 2, 3, 4, 2, 1, 6 * 3600 * 5, 2, 1, 1, 0, 0);
    static final CaseFigures WEST = new CaseFigures(3, 2, 1, 1, 1, 0, 0, 0, 1, 0, 0, 7200, 0, 0, 0, 1, 1);
    static final CaseFigures QUIET = CaseFigures.NONE;

    final MonthlyReportWriter writer = new MonthlyReportWriter(code -> "#" + code);

    MonthlyReportData data(List<MonthlyReportData.ListedCase> cases) {
        return new MonthlyReportData("110101001 东华门街道", YearMonth.of(2026, 10), EAST.plus(WEST).plus(QUIET),
                List.of(new FigureRow("1", "110101001001 东区社区", EAST),
                        new FigureRow("2", "=cmd|' /C calc'!A0", WEST),
                        new FigureRow("3", "110101001003 静区社区", QUIET)),
                List.of(new FigureRow("0100", "0100 矛盾纠纷", EAST), new FigureRow("0200", "0200 城市管理", WEST)),
                cases);
    }

    static MonthlyReportData.ListedCase listed(String code, String address) {
        LocalDateTime reported = LocalDateTime.of(2026, 10, 3, 9, 15);
        return new MonthlyReportData.ListedCase(code, "0101 邻里纠纷", "110101001001001 第一网格", address, "处置中",
                "138****5678", reported, reported.plusDays(3), true, null, reported.plusDays(4));
    }

    List<List<Row>> write(MonthlyReportData data, List<Integer> progress) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = writer.write(data, out, progress::add);
        assertThat(rows).isEqualTo(data.units().size() + 1 + data.categories().size() + data.cases().size()
                + data.departments().size());
        List<List<Row>> sheets = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                sheets.add(sheet.read());
            }
            assertThat(workbook.getSheets().map(Sheet::getName).toList())
                    .containsExactly("#report.sheet.summary", "#report.sheet.categories", "#report.sheet.cases",
                            "#report.sheet.departments");
        }
        return sheets;
    }

    @Test
    void writesOneSummaryRowPerChildUnitAndATotalRowWithEveryFigure() throws IOException {
        List<Row> summary = write(data(List.of()), new ArrayList<>()).get(0);
        assertThat(summary.get(1).getCellText(0)).isEqualTo("#report.column.unit");
        assertThat(summary.get(1).getCellText(4)).isEqualTo("#report.column.closureRate");
        assertThat(summary.get(1).getCellText(16)).isEqualTo("#report.column.escalatedToDepartment");
        Row east = summary.get(MonthlyReportWriter.FIRST_DATA_ROW);
        assertThat(east.getCellText(0)).isEqualTo("110101001001 东区社区");
        assertThat(number(east, 1)).isEqualByComparingTo("10");
        assertThat(number(east, 2)).isEqualByComparingTo("8");
        assertThat(number(east, 3)).isEqualByComparingTo("6");
        assertThat(number(east, 4)).isEqualByComparingTo(EAST.closureRate().orElseThrow());
        assertThat(number(east, 5)).isEqualByComparingTo(EAST.onTimeRate().orElseThrow());
        assertThat(number(east, 6)).isEqualByComparingTo(EAST.reworkRate().orElseThrow());
        assertThat(number(east, 7)).isEqualByComparingTo(EAST.extensionRate().orElseThrow());
        assertThat(number(east, 8)).isEqualByComparingTo("50.00");
        assertThat(number(east, 9)).isEqualByComparingTo(EAST.callbackRate().orElseThrow());
        assertThat(number(east, 10)).isEqualByComparingTo("75.00");
        assertThat(number(east, 11)).isEqualByComparingTo("5.0");
        assertThat(number(east, 12)).isEqualByComparingTo("2");
        assertThat(number(east, 13)).isEqualByComparingTo("1");
        assertThat(number(east, 14)).isEqualByComparingTo("1");
        Row total = summary.get(MonthlyReportWriter.FIRST_DATA_ROW + 3);
        assertThat(total.getCellText(0)).isEqualTo("#report.row.total 110101001 东华门街道");
        assertThat(number(total, 1)).isEqualByComparingTo("13");
        assertThat(number(total, 4)).isEqualByComparingTo(EAST.plus(WEST).closureRate().orElseThrow());
        assertThat(number(total, 15)).isEqualByComparingTo("1");
        assertThat(number(total, 16)).isEqualByComparingTo("1");
        assertThat(summary).hasSize(MonthlyReportWriter.FIRST_DATA_ROW + 4);
    }

    @Test
    void writesTheDepartmentsRankedWithTheirRatesAndADashForNothingToDivideBy() throws IOException {
        MonthlyReportData base = data(List.of());
        org.gridgov.desk.DepartmentFigures busy = new org.gridgov.desk.DepartmentFigures(8, 2, 1, 7, 6, 2, 5, 4, 1,
                1, 4, 3, 5 * 3600 * 10, 1, 1, 1);
        MonthlyReportData withDepartments = new MonthlyReportData(base.unitLabel(), base.month(), base.total(),
                base.units(), base.categories(), base.cases(), List.of(
                new org.gridgov.desk.DepartmentStats.Row(1, department(71, "县城市管理局"), busy),
                new org.gridgov.desk.DepartmentStats.Row(2, department(72, "=HYPERLINK(\"x\")"),
                        org.gridgov.desk.DepartmentFigures.NONE)));
        List<Row> sheet = write(withDepartments, new ArrayList<>()).get(3);
        assertThat(sheet.get(1).getCellText(1)).isEqualTo("#report.column.department");
        assertThat(sheet.get(1).getCellText(5)).isEqualTo("#report.column.completionOnTimeRate");
        Row first = sheet.get(MonthlyReportWriter.FIRST_DATA_ROW);
        assertThat(number(first, 0)).isEqualByComparingTo("1");
        assertThat(first.getCellText(1)).isEqualTo("110101971 县城市管理局");
        assertThat(number(first, 2)).isEqualByComparingTo("8");
        assertThat(number(first, 3)).isEqualByComparingTo("75.00");
        assertThat(number(first, 5)).isEqualByComparingTo("80.00");
        assertThat(number(first, 7)).isEqualByComparingTo("25.00");
        assertThat(number(first, 10)).isEqualByComparingTo("75.00");
        assertThat(number(first, 11)).isEqualByComparingTo("10.0");
        assertThat(number(first, 15)).isEqualByComparingTo("1");
        Row quiet = sheet.get(MonthlyReportWriter.FIRST_DATA_ROW + 1);
        assertThat(quiet.getCellText(1)).isEqualTo("110101972 =HYPERLINK(\"x\")").as("a text cell, not a formula");
        assertThat(quiet.getCellText(3)).isEqualTo("—");
        assertThat(quiet.getCellText(5)).isEqualTo("—");
    }

    static org.gridgov.grid.DepartmentView department(long suffix, String name) {
        return new org.gridgov.grid.DepartmentView(suffix, "110101" + (900 + suffix), name, 1L, "东城区",
                org.gridgov.grid.UnitLevel.DISTRICT, java.time.LocalDate.of(2026, 1, 1), null, 0);
    }

    @Test
    void writesADashWhereARateHasNothingToDivideBy() throws IOException {
        Row quiet = write(data(List.of()), new ArrayList<>()).get(0).get(MonthlyReportWriter.FIRST_DATA_ROW + 2);
        for (int c = 4; c <= 11; c++) {
            assertThat(quiet.getCellText(c)).as("column " + c).isEqualTo("—");
        }
        assertThat(number(quiet, 1)).isEqualByComparingTo("0");
    }

    @Test
    void neutralisesFormulaLikeText() throws IOException {
        List<List<Row>> sheets = write(data(List.of(listed("20261003000001", "@SUM(1+1)*cmd"))), new ArrayList<>());
        Row west = sheets.get(0).get(MonthlyReportWriter.FIRST_DATA_ROW + 1);
        assertThat(west.getCellText(0)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(sheets.get(2).get(MonthlyReportWriter.FIRST_DATA_ROW).getCellText(3)).isEqualTo("'@SUM(1+1)*cmd");
    }

    @Test
    void writesTheCategorySheetAndTheCaseListWithMaskedPhonesAndDates() throws IOException {
        List<Integer> progress = new ArrayList<>();
        List<List<Row>> sheets = write(data(List.of(listed("20261003000001", "幸福路 8 号"),
                listed("20261004000002", "和平街 1 号"))), progress);
        List<Row> categories = sheets.get(1);
        assertThat(categories.get(1).getCellText(0)).isEqualTo("#report.column.category");
        assertThat(categories.get(MonthlyReportWriter.FIRST_DATA_ROW).getCellText(0)).isEqualTo("0100 矛盾纠纷");
        assertThat(number(categories.get(MonthlyReportWriter.FIRST_DATA_ROW + 1), 1)).isEqualByComparingTo("3");
        assertThat(categories).hasSize(MonthlyReportWriter.FIRST_DATA_ROW + 2);
        List<Row> cases = sheets.get(2);
        assertThat(cases.get(1).getCellText(5)).isEqualTo("#report.case.reporterPhone");
        Row first = cases.get(MonthlyReportWriter.FIRST_DATA_ROW);
        assertThat(first.getCellText(0)).isEqualTo("20261003000001");
        assertThat(first.getCellText(5)).isEqualTo("138****5678");
        assertThat(first.getCellText(8)).isEqualTo("#report.yes");
        assertThat(first.getCellAsDate(6)).contains(LocalDateTime.of(2026, 10, 3, 9, 15));
        assertThat(cases.get(MonthlyReportWriter.FIRST_DATA_ROW + 1).getCellText(3)).isEqualTo("和平街 1 号");
        assertThat(progress).isSorted().endsWith(100);
    }

    @Test
    void streamsALongCaseList() throws IOException {
        List<MonthlyReportData.ListedCase> many = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            many.add(listed(String.format("20261003%06d", i), "地址 " + i));
        }
        List<Integer> progress = new ArrayList<>();
        List<Row> cases = write(data(many), progress).get(2);
        assertThat(cases).hasSize(MonthlyReportWriter.FIRST_DATA_ROW + 2_345);
        assertThat(cases.get(cases.size() - 1).getCellText(3)).isEqualTo("地址 2344");
        assertThat(progress).isSorted().hasSizeGreaterThan(4).allMatch(p -> p >= 0 && p <= 100);
    }

    static BigDecimal number(Row row, int c) {
        return row.getCellAsNumber(c).orElseThrow(() -> new AssertionError("no number in column " + c + ": "
                + row.getCellText(c)));
    }
}
