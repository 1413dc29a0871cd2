package org.gridgov.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gridgov.audit.AuditChain;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.Cases;
import org.gridgov.desk.StatsGrouping;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.reporting.MonthlyReportWriter;
import org.gridgov.reporting.MonthlyReports;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly report through the API on the small demo county: asked for, generated in the background, downloaded
 * and read back; its figures are CaseStats' own, text is neutralised, phones masked, exports logged, scope kept.
 */
@GridGovIntegrationTest
class ReportApiIT {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChain auditChain;
    @Autowired
    CaseStats stats;
    @Autowired
    Cases cases;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    MonthlyReports reports;
    @Autowired
    PlatformTime time;
    @Autowired
    TestClock clock;

    final JsonMapper json = JsonMapper.builder().build();

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    long userId(String username) {
        return jdbc.queryForObject("select id from app.user_account where username = ?", Long.class, username);
    }

    MvcResult request(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/reports/monthly").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    JsonNode awaitFinished(String token, String jobId) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode job = json.readTree(mvc.perform(get("/api/v1/reports/" + jobId)
                            .with(bearer(token))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            String state = job.get("status").asString();
            if ("DONE".equals(state) || "FAILED".equals(state) || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    CaseFigures total(String username, long unitId, YearMonth month) {
        String path = hierarchy.scopeOf(unitOf(username)).path();
        return DataScopeContext.callAs(new org.gridgov.grid.DataScope(unitOf(username), path),
                () -> stats.total(new StatsQuery(unitId, month, month, StatsGrouping.UNIT, null, null)));
    }

    /** Files a case with a formula-like address and a phone, brings it to the community and makes it overdue. */
    String overdueCaseWithFormulaAddress() throws Exception {
        String grid = DemoUsers.token(mvc, "grid1");
        String community = DemoUsers.token(mvc, "community1");
        String body = "{\"gridUnitId\":" + unitOf("grid1") + ",\"categoryCode\":\"0101\",\"nature\":\"HELP\","
                + "\"address\":\"=HYPERLINK(\\\"http://example.invalid\\\",\\\"幸福路\\\")\","
                + "\"description\":\"月报测试:楼道堆物\",\"reporterName\":\"张三\",\"reporterPhone\":\"13812345678\"}";
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/cases").with(bearer(grid))
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        long id = created.get("id").asLong();
        act(community, id, "{\"action\":\"REGISTER\",\"version\":0}");
        act(community, id, "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"GRID\",\"unitId\":"
                + unitOf("grid1") + "}}");
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.update("update desk.case_file set stage_yellow_at = cast(? as timestamptz) - interval '3 hours',"
                + " stage_red_at = cast(? as timestamptz) - interval '1 hour' where id = ?", at, at, id);
        cases.markOverdue();
        return created.get("code").asString();
    }

    void act(String token, long id, String body) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/actions").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    /** Waits until the figures stop changing (the rollup may follow the case's last action a moment later). */
    CaseFigures settled(String username, long unitId, YearMonth month) throws InterruptedException {
        CaseFigures last = total(username, unitId, month);
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            CaseFigures now = total(username, unitId, month);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    @Test
    void aStreetOfficialGetsTheMonthAsXlsxWithCaseStatsFiguresMaskedPhonesAndSafeText() throws Exception {
        String code = overdueCaseWithFormulaAddress();
        YearMonth month = time.thisMonth();
        long street = unitOf("street1");
        CaseFigures expected = settled("street1", street, month);
        assertThat(expected.received()).as("the month has cases").isPositive();

        String token = DemoUsers.token(mvc, "street1");
        MvcResult accepted = request(token, "{\"unitId\":" + street + ",\"month\":\"" + month + "\"}");
        assertThat(accepted.getResponse().getStatus()).isEqualTo(202);
        String jobId = json.readTree(accepted.getResponse().getContentAsString()).get("jobId").asString();
        assertThat(UUID.fromString(jobId)).isNotNull();

        JsonNode job = awaitFinished(token, jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(job.get("unitId").asLong()).isEqualTo(street);
        assertThat(job.get("month").asString()).isEqualTo(month.toString());
        int rows = job.get("rows").asInt();

        MvcResult file = mvc.perform(get("/api/v1/reports/" + jobId + "/file")
                        .with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andReturn();
        assertThat(file.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains(".xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).hasSize(4);
            assertThat(sheets.get(0).getName()).isEqualTo("汇总(按下级单位)");
            List<Row> summary = sheets.get(0).read();
            assertThat(summary.get(1).getCellText(1)).isEqualTo("受理量");
            Row totalRow = summary.get(summary.size() - 1);
            assertThat(totalRow.getCellText(0)).startsWith("合计 ");
            assertFigures(totalRow, expected);
            long community = unitOf("community1");
            String communityCode = jdbc.queryForObject("select code from grid.unit where id = ?", String.class,
                    community);
            Row communityRow = summary.stream().filter(r -> r.getCellText(0).startsWith(communityCode + " "))
                    .findFirst().orElseThrow();
            assertFigures(communityRow, total("street1", community, month));
            long children = jdbc.queryForObject("select count(*) from grid.unit where parent_id = ?"
                    + " and valid_to is null and level <> 'DEPARTMENT'", Long.class, street);
            assertThat(summary).as("title, headers, a row per community, the total")
                    .hasSize(MonthlyReportWriter.FIRST_DATA_ROW + (int) children + 1);

            List<Row> categories = sheets.get(1).read();
            long categoryReceived = categories.stream().skip(MonthlyReportWriter.FIRST_DATA_ROW)
                    .mapToLong(r -> r.getCellAsNumber(1).orElseThrow().longValue()).sum();
            assertThat(categoryReceived).as("categories add up to the total").isEqualTo(expected.received());

            List<Row> listed = sheets.get(2).read();
            Row ours = listed.stream().filter(r -> code.equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(ours.getCellText(3)).isEqualTo("'=HYPERLINK(\"http://example.invalid\",\"幸福路\")");
            assertThat(ours.getCellText(5)).isEqualTo("138****5678");
            assertThat(ours.getCellText(8)).isEqualTo("是");
            assertThat(listed).noneMatch(r -> r.getCellText(5).contains("13812345678"));
            // 部门考核: the street's own offices, ranked, each once
            assertThat(sheets.get(3).getName()).isEqualTo("部门考核");
            List<Row> departments = sheets.get(3).read();
            List<String> offices = jdbc.queryForList("select code || ' ' || name from grid.unit"
                    + " where parent_id = ? and level = 'DEPARTMENT' and valid_to is null", String.class, street);
            assertThat(offices).isNotEmpty();
            assertThat(departments.stream().skip(MonthlyReportWriter.FIRST_DATA_ROW).map(r -> r.getCellText(1)))
                    .containsExactlyInAnyOrderElementsOf(offices);
            assertThat(rows).isEqualTo(summary.size() + categories.size() + listed.size() + departments.size()
                    - 4 * MonthlyReportWriter.FIRST_DATA_ROW);
        }

        assertThat(jdbc.queryForObject("select rows_written from app.export_record where kind = 'MONTHLY_REPORT'"
                        + " and user_id = ? and filter ->> 'unitId' = ? and filter ->> 'month' = ?"
                        + " order by id desc limit 1", Integer.class, userId("street1"), String.valueOf(street),
                month.toString())).isEqualTo(rows);
        assertThat(jdbc.queryForObject("select count(*) from app.export_record where kind = 'MONTHLY_REPORT_DOWNLOAD'"
                + " and user_id = ? and filter ->> 'jobId' = ?", Long.class, userId("street1"), jobId)).isEqualTo(1);
        // and in the audit log: the export with its filter and row count, the download with the caller's address
        auditChain.seal();
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where action = 'EXPORT'"
                + " and object = 'MONTHLY_REPORT' and username = 'street1' and result = 'SUCCESS'"
                + " and detail like ? and detail like ?", Long.class, "rows=" + rows + " filter=%",
                "%" + month + "%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where action = 'EXPORT'"
                + " and object = 'MONTHLY_REPORT_DOWNLOAD' and username = 'street1' and detail like ?"
                + " and client_ip is not null", Long.class, "%" + jobId + "%")).isEqualTo(1);
    }

    static void assertFigures(Row row, CaseFigures f) {
        assertThat(number(row, 1)).as("received").isEqualByComparingTo(BigDecimal.valueOf(f.received()));
        assertThat(number(row, 2)).as("due").isEqualByComparingTo(BigDecimal.valueOf(f.due()));
        assertThat(number(row, 3)).as("closed").isEqualByComparingTo(BigDecimal.valueOf(f.closed()));
        rate(row, 4, f.closureRate());
        rate(row, 5, f.onTimeRate());
        rate(row, 6, f.reworkRate());
        rate(row, 7, f.extensionRate());
        rate(row, 8, f.onSpotRate());
        rate(row, 9, f.callbackRate());
        rate(row, 10, f.satisfactionRate());
        rate(row, 11, f.averageHandlingHours());
        assertThat(number(row, 12)).as("overdue").isEqualByComparingTo(BigDecimal.valueOf(f.overdue()));
        assertThat(number(row, 13)).as("red").isEqualByComparingTo(BigDecimal.valueOf(f.redSupervised()));
        assertThat(number(row, 14)).isEqualByComparingTo(BigDecimal.valueOf(f.escalatedToCommunity()));
        assertThat(number(row, 15)).isEqualByComparingTo(BigDecimal.valueOf(f.escalatedToStreet()));
        assertThat(number(row, 16)).isEqualByComparingTo(BigDecimal.valueOf(f.escalatedToDepartment()));
    }

    static void rate(Row row, int c, Optional<BigDecimal> expected) {
        if (expected.isPresent()) {
            assertThat(number(row, c)).as("column " + c).isEqualByComparingTo(expected.get());
        }
        else {
            assertThat(row.getCellText(c)).as("column " + c).isEqualTo("—");
        }
    }

    static BigDecimal number(Row row, int c) {
        return row.getCellAsNumber(c).orElseThrow(() -> new AssertionError("column " + c + ": " + row.getCellText(c)));
    }

    @Test
    void outsideTheCallersScopeEverythingIs404() throws Exception {
        String street = DemoUsers.token(mvc, "street1");
        String community = DemoUsers.token(mvc, "community1");
        long streetUnit = unitOf("street1");
        YearMonth month = time.thisMonth().minusMonths(1);
        mvc.perform(post("/api/v1/reports/monthly").with(bearer(community))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + streetUnit + ",\"month\":\"" + month + "\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));

        String jobId = json.readTree(request(street, "{\"unitId\":" + streetUnit + ",\"month\":\"" + month + "\"}")
                .getResponse().getContentAsString()).get("jobId").asString();
        assertThat(awaitFinished(street, jobId).get("status").asString()).isEqualTo("DONE");
        mvc.perform(get("/api/v1/reports/" + jobId).with(bearer(community)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + jobId + "/file").with(bearer(community)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + UUID.randomUUID() + "/file").with(bearer(street)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/not-a-job").with(bearer(street)))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/reports").with(bearer(community)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(jobId);
        mvc.perform(post("/api/v1/reports/monthly").with(bearer(DemoUsers.token(mvc, "grid1")))
                .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + unitOf("grid1") + ",\"month\":\"" + month + "\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMalformedOrFutureMonthOrAMissingUnitIs400InTheUsersLanguage() throws Exception {
        String token = DemoUsers.token(mvc, "street1");
        long street = unitOf("street1");
        mvc.perform(post("/api/v1/reports/monthly").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + street + ",\"month\":\"2026-13\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid"))
                .andExpect(jsonPath("$.fieldErrors[0].field").value("month"))
                .andExpect(jsonPath("$.message").value("月份格式应为 yyyy-MM(例如 2026-10),“2026-13”无法识别"));
        mvc.perform(post("/api/v1/reports/monthly").with(bearer(token))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + street + ",\"month\":\"October\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("A month looks like yyyy-MM (for example 2026-10); \"October\" "
                        + "is not one"));
        mvc.perform(post("/api/v1/reports/monthly").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + street + ",\"month\":\""
                                + time.thisMonth().plusMonths(1) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("month"));
        mvc.perform(post("/api/v1/reports/monthly").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"2026-10\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("unitId"));
        assertThat(jdbc.queryForObject("select count(*) from app.report_job where month in ('2026-13')",
                Long.class)).isZero();
    }

    @Test
    void theMonthlyRunMakesOneReportPerStreetInTheSystemScopeOnlyOnce() throws Exception {
        YearMonth month = time.thisMonth().minusMonths(2);
        long streets = jdbc.queryForObject("select count(*) from grid.unit where level = 'STREET'"
                + " and valid_to is null", Long.class);
        List<UUID> queued = reports.queueEveryStreet(month);
        assertThat(queued).hasSize((int) streets);
        assertThat(reports.queueEveryStreet(month)).as("a second run of the same month adds nothing").isEmpty();
        String admin = DemoUsers.token(mvc, "admin");
        for (UUID id : queued) {
            JsonNode job = awaitFinished(admin, id.toString());
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
            assertThat(job.get("requestedBy").isNull()).isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from app.export_record where kind = 'MONTHLY_REPORT'"
                + " and user_id is null and filter ->> 'month' = ?", Long.class, month.toString())).isEqualTo(streets);
        String streetToken = DemoUsers.token(mvc, "street1");
        String list = mvc.perform(get("/api/v1/reports").with(bearer(streetToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long visible = queued.stream().filter(id -> list.contains(id.toString())).count();
        assertThat(visible).as("street1 sees its own street's scheduled report only").isEqualTo(1);
    }
}
