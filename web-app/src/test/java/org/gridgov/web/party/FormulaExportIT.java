package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gridgov.audit.AuditChain;
import org.gridgov.desk.Cases;
import org.gridgov.grid.PlatformTime;
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
 * 公式注入: formula-like text put into the data behind every export through the application's own API — case
 * addresses (the monthly report's case sheet), work unit names, registered units' names and both sides' evaluation
 * comments (the party service record export) — and each workbook read back with fastexcel's reader: every cell
 * holding such a text is a text cell starting with a single quote, and each export is recorded with its filter and
 * row count in {@code app.export_record} and the audit log.
 */
@GridGovIntegrationTest
class FormulaExportIT {

    /** The classic formula starts, and a tab/CR-prefixed one; each is stored (after trimming) and exported. */
    static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(1)", "\t=1+2",
            "\r=3+4");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChain auditChain;
    @Autowired
    Cases cases;
    @Autowired
    PlatformTime time;
    @Autowired
    TestClock clock;

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    /** Every cell of the workbook whose text contains one of the formulas' cores; none may be a raw formula. */
    static List<String> formulaCells(byte[] xlsx, List<String> unsafe) throws Exception {
        List<String> found = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                for (Row row : sheet.read()) {
                    for (Cell cell : row) {
                        if (cell == null) {
                            continue;
                        }
                        String text = cell.getText();
                        boolean ours = FORMULAS.stream().anyMatch(f -> text.contains(f.strip()));
                        if (!ours) {
                            continue;
                        }
                        found.add(text);
                        if (cell.getType() != CellType.STRING || !text.startsWith("'")) {
                            unsafe.add(sheet.getName() + "!" + cell.getAddress() + " " + cell.getType() + " '"
                                    + text + "'");
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyCaseAddressInTheMonthlyReportIsNeutralised() throws Exception {
        String grid = DemoUsers.token(mvc, "grid1");
        String community = DemoUsers.token(mvc, "community1");
        List<String> codes = new ArrayList<>();
        for (String formula : FORMULAS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("gridUnitId", unitOf("grid1"));
            body.put("categoryCode", "0101");
            body.put("nature", "HELP");
            body.put("address", formula + " 幸福路");
            body.put("description", "公式注入测试");
            body.put("reporterName", "张三");
            body.put("reporterPhone", "13812345678");
            MvcResult created = mvc.perform(post("/api/v1/cases").with(bearer(grid))
                    .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                    .andExpect(status().isCreated()).andReturn();
            JsonNode node = JSON.readTree(created.getResponse().getContentAsString());
            long id = node.get("id").asLong();
            codes.add(node.get("code").asString());
            act(community, id, "{\"action\":\"REGISTER\",\"version\":0}");
            act(community, id, "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"GRID\",\"unitId\":"
                    + unitOf("grid1") + "}}");
            Timestamp at = Timestamp.from(clock.instant());
            jdbc.update("update desk.case_file set stage_yellow_at = cast(? as timestamptz) - interval '3 hours',"
                    + " stage_red_at = cast(? as timestamptz) - interval '1 hour' where id = ?", at, at, id);
        }
        cases.markOverdue();

        String street = DemoUsers.token(mvc, "street1");
        YearMonth month = time.thisMonth();
        long streetId = unitOf("street1");
        MvcResult accepted = mvc.perform(post("/api/v1/reports/monthly").with(bearer(street))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + streetId + ",\"month\":\"" + month
                        + "\"}")).andExpect(status().isAccepted()).andReturn();
        String jobId = JSON.readTree(accepted.getResponse().getContentAsString()).get("jobId").asString();
        JsonNode job = awaitFinished(street, jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        byte[] xlsx = mvc.perform(get("/api/v1/reports/" + jobId + "/file").with(bearer(street)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        List<String> unsafe = new ArrayList<>();
        List<String> found = formulaCells(xlsx, unsafe);
        assertThat(unsafe).as("formula-like cells not neutralised").isEmpty();
        assertThat(found).as("each formula's case is listed").hasSizeGreaterThanOrEqualTo(FORMULAS.size());
        for (String formula : FORMULAS) {
            assertThat(found).as(formula).anyMatch(text -> text.equals("'" + formula + " 幸福路")
                    || text.equals("'" + formula.strip() + " 幸福路"));
        }
        // the export and the download recorded with filter and row count, in export_record and the audit log
        int rows = job.get("rows").asInt();
        assertThat(jdbc.queryForObject("select rows_written from app.export_record where kind = 'MONTHLY_REPORT'"
                + " and filter ->> 'unitId' = ? and filter ->> 'month' = ? order by id desc limit 1", Integer.class,
                String.valueOf(streetId), month.toString())).isEqualTo(rows).isPositive();
        auditChain.seal();
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where action = 'EXPORT' and object ="
                + " 'MONTHLY_REPORT_DOWNLOAD' and detail like ?", Long.class, "%" + jobId + "%")).isEqualTo(1);
    }

    void act(String token, long id, String body) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/actions").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    JsonNode awaitFinished(String token, String jobId) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode job = JSON.readTree(mvc.perform(get("/api/v1/reports/" + jobId)
                            .with(bearer(token))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            String state = job.get("status").asString();
            if ("DONE".equals(state) || "FAILED".equals(state) || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void everyTextCellOfThePartyServiceRecordExportIsNeutralised() throws Exception {
        PartyFixture party = new PartyFixture(mvc, jdbc).build();
        String secretary = DemoUsers.token(mvc, "party1");
        int year = time.thisYear();
        String tag = "公式" + System.nanoTime();
        for (String formula : FORMULAS) {
            // a member whose work unit is the formula; both sides' comments are formulas too
            long member = party.approvedMember(secretary, formula + tag);
            for (String side : List.of("COMMUNITY", "WORK_UNIT")) {
                party.postJson(secretary, "/api/v1/party/evaluations", Map.of("year", year, "side", side,
                        "subjectKind", "MEMBER", "registrationId", member, "grade", "QUALIFIED", "comment",
                        formula + " 评语"), "zh-CN").andExpect(status().isCreated());
            }
            // a registered unit named by the formula
            party.approvedUnit(secretary, formula + tag);
        }
        long before = jdbc.queryForObject("select count(*) from app.export_record where kind ="
                + " 'PARTY_SERVICE_RECORDS'", Long.class);
        byte[] xlsx = mvc.perform(get("/api/v1/party/evaluations/export?year=" + year).with(bearer(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        List<String> unsafe = new ArrayList<>();
        List<String> found = formulaCells(xlsx, unsafe);
        assertThat(unsafe).as("formula-like cells not neutralised").isEmpty();
        for (String formula : FORMULAS) {
            assertThat(found).as("work unit / unit name " + formula).anyMatch(text -> text.equals("'" + formula + tag)
                    || text.equals("'" + formula.strip() + tag));
            assertThat(found).as("comment " + formula).anyMatch(text -> text.equals("'" + formula + " 评语")
                    || text.equals("'" + formula.strip() + " 评语"));
        }
        assertThat(jdbc.queryForObject("select count(*) from app.export_record where kind = 'PARTY_SERVICE_RECORDS'",
                Long.class)).isEqualTo(before + 1);
        int rows = jdbc.queryForObject("select rows_written from app.export_record where kind ="
                + " 'PARTY_SERVICE_RECORDS' order by id desc limit 1", Integer.class);
        assertThat(rows).isGreaterThanOrEqualTo(2 * FORMULAS.size());
        assertThat(jdbc.queryForObject("select filter ->> 'year' from app.export_record where kind ="
                + " 'PARTY_SERVICE_RECORDS' order by id desc limit 1", String.class)).isEqualTo(String.valueOf(year));
        auditChain.seal();
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where action = 'EXPORT' and object ="
                + " 'PARTY_SERVICE_RECORDS' and username = 'party1' and detail like ?", Long.class,
                "rows=" + rows + " filter=%")).isGreaterThanOrEqualTo(1);
    }
}
