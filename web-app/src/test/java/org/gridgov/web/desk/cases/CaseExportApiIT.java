package org.gridgov.web.desk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.audit.AuditChain;
import org.gridgov.reporting.CaseListWorkbook;
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
 * The case-list export through the API: the same filters as the list give the same cases in the same order, run in
 * the requester's scope by the background worker, with masked phones and neutralised text, audited at each step.
 */
@GridGovIntegrationTest
class CaseExportApiIT {

    /** A mobile number in full (not a part of a longer code). */
    static final String FULL_PHONE = "(?<![0-9])1[3-9][0-9]{9}(?![0-9])";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChain auditChain;

    final JsonMapper json = JsonMapper.builder().build();

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    String file(String token, long gridId, String description, String phone) throws Exception {
        String body = "{\"gridUnitId\":" + gridId + ",\"categoryCode\":\"0101\",\"nature\":\"HELP\","
                + "\"address\":\"幸福路1号\",\"description\":\"" + description + "\",\"reporterName\":\"张三\","
                + "\"reporterPhone\":\"" + phone + "\"}";
        return json.readTree(mvc.perform(post("/api/v1/cases").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("code").asString();
    }

    JsonNode awaitFinished(String token, String location) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode job = json.readTree(mvc.perform(get(location).with(bearer(token))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            String state = job.get("status").asString();
            if ("DONE".equals(state) || "FAILED".equals(state) || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    byte[] download(String token, String path) throws Exception {
        MvcResult done = mvc.perform(get(path).with(bearer(token))).andExpect(status().isOk()).andReturn();
        assertThat(done.getResponse().getContentType()).isEqualTo(XLSX);
        assertThat(done.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains(".xlsx");
        return done.getResponse().getContentAsByteArray();
    }

    @Test
    void exportsExactlyTheListsCasesInItsOrderMaskedNeutralisedInTheRequestersScopeAndAudited() throws Exception {
        String marker = "exportmark" + UUID.randomUUID().toString().substring(0, 8);
        String grid = DemoUsers.token(mvc, "grid1");
        List<String> filed = new ArrayList<>();
        filed.add(file(grid, unitOf("grid1"), "=SUM(1+2) " + marker, "13812345678"));
        filed.add(file(grid, unitOf("grid1"), "楼道堆物 " + marker, "13987654321"));
        filed.add(file(grid, unitOf("grid1"), "@路灯不亮 " + marker, "13700001111"));
        String streetPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class,
                unitOf("street1"));
        long elsewhere = jdbc.queryForObject("select id from grid.unit g where level = 'GRID' and valid_to is null"
                + " and path not like ? and not exists (select 1 from grid.unit c where c.parent_id = g.id"
                + " and c.level = 'GRID') order by id limit 1", Long.class, streetPath + "%");
        String outside = file(DemoUsers.token(mvc, "admin"), elsewhere, "另一街道 " + marker, "13600002222");

        String street = DemoUsers.token(mvc, "street1");
        String filters = "q=" + marker + "&category=01";
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/cases?size=200&" + filters).with(bearer(street)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> listed = new ArrayList<>();
        list.get("items").forEach(item -> listed.add(item.get("code").asString()));
        assertThat(listed).as("the list shows the street's three, newest first").hasSize(3)
                .containsExactlyInAnyOrderElementsOf(filed).doesNotContain(outside);

        MvcResult accepted = mvc.perform(post("/api/v1/cases/export?" + filters).with(bearer(street))).andReturn();
        assertThat(accepted.getResponse().getStatus()).isEqualTo(202);
        String location = accepted.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/v1/cases/export/");
        String jobId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode job = awaitFinished(street, location);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("rows").asInt()).isEqualTo(3);

        byte[] bytes = download(street, job.get("file").asString());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("事件编号");
            List<Row> cases = rows.subList(CaseListWorkbook.FIRST_DATA_ROW, rows.size());
            assertThat(cases.stream().map(r -> r.getCellText(0)).toList()).as("the list's cases in its order")
                    .containsExactlyElementsOf(listed);
            Row formula = cases.stream().filter(r -> r.getCellText(0).equals(filed.get(0))).findFirst().orElseThrow();
            assertThat(formula.getCellText(5)).isEqualTo("'=SUM(1+2) " + marker);
            Row at = cases.stream().filter(r -> r.getCellText(0).equals(filed.get(2))).findFirst().orElseThrow();
            assertThat(at.getCellText(5)).startsWith("'@");
            assertThat(formula.getCellText(13)).isEqualTo("138****5678");
            assertThat(cases).allSatisfy(r -> {
                for (int c = 1; c < r.getCellCount(); c++) {
                    assertThat(r.getCellText(c)).doesNotContainPattern(FULL_PHONE).doesNotContain("张三");
                }
            });
        }

        // another user, even the street's community below it, finds nothing of this export
        String community = DemoUsers.token(mvc, "community1");
        mvc.perform(get(location).with(bearer(community))).andExpect(status().isNotFound());
        mvc.perform(get(location + "/file").with(bearer(community))).andExpect(status().isNotFound());

        // audited: the request with its filters, the export with its rows, the download
        auditChain.seal();
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where action = 'EXPORT'"
                + " and object = ? and username = 'street1' and detail like ?", Long.class, "caseExport:" + jobId,
                "%" + marker + "%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select rows_written from app.export_record where kind = 'CASE_LIST'"
                + " and filter ->> 'jobId' = ? and filter -> 'filters' ->> 'q' = ?", Integer.class, jobId, marker))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from app.export_record where kind = 'CASE_LIST_DOWNLOAD'"
                + " and username = 'street1' and filter ->> 'jobId' = ?", Long.class, jobId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where action = 'EXPORT'"
                + " and object = 'CASE_LIST_DOWNLOAD' and username = 'street1' and detail like ?", Long.class,
                "%" + jobId + "%")).isEqualTo(1);

        // the district sees the other street's case too: the worker ran each export in its requester's scope
        String admin = DemoUsers.token(mvc, "admin");
        String adminLocation = mvc.perform(post("/api/v1/cases/export?" + filters).with(bearer(admin)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        JsonNode adminJob = awaitFinished(admin, adminLocation);
        assertThat(adminJob.get("rows").asInt()).isEqualTo(4);
    }

    @Test
    void aListLongerThanOneFlushIsExportedWholeWithItsProgressRecorded() throws Exception {
        String marker = "exportbulk" + UUID.randomUUID().toString().substring(0, 8);
        String grid = DemoUsers.token(mvc, "grid1");
        String first = file(grid, unitOf("grid1"), "批量 " + marker, "13812345678");
        // copies of the filed case, so that the cursor goes past several fetches and the sheet past several flushes
        int copies = 1_200;
        jdbc.execute("create temporary table export_copy as select c.* from desk.case_file c"
                + " cross join generate_series(1, " + copies + ") where c.code = '" + first + "'");
        jdbc.execute("update export_copy set id = nextval(pg_get_serial_sequence('desk.case_file', 'id')),"
                + " reported_at = reported_at - make_interval(secs => id % 100000)");
        jdbc.execute("update export_copy set code = '7' || lpad(id::text, 13, '0')");
        jdbc.execute("insert into desk.case_file select * from export_copy");
        jdbc.execute("drop table export_copy");

        String street = DemoUsers.token(mvc, "street1");
        String location = mvc.perform(post("/api/v1/cases/export?q=" + marker).with(bearer(street)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        JsonNode job = awaitFinished(street, location);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("rows").asInt()).isEqualTo(copies + 1);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                download(street, job.get("file").asString())))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(CaseListWorkbook.FIRST_DATA_ROW + copies + 1);
            assertThat(rows.stream().skip(CaseListWorkbook.FIRST_DATA_ROW).map(r -> r.getCellText(0)).distinct())
                    .hasSize(copies + 1);
        }
    }

    @Test
    void theAllTabOffersTheExportAndItsPageFollowsTheJob() throws Exception {
        String list = mvc.perform(get("/cases?tab=all&q=lamp").with(DemoUsers.as("street1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("data-testid=\"case-export\"").contains("/cases/export?tab=all&amp;q=lamp");
        assertThat(mvc.perform(get("/cases?tab=all").with(DemoUsers.as("grid1"))).andReturn().getResponse()
                .getContentAsString()).as("only for those allowed to export").doesNotContain("case-export");

        MvcResult posted = mvc.perform(post("/cases/export?tab=all&q=lamp").with(DemoUsers.as("street1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = posted.getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/cases/export/");
        String jobId = page.substring(page.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject("select filter ->> 'q' from app.report_job where id = ?::uuid", String.class,
                jobId)).isEqualTo("lamp");
        assertThat(mvc.perform(get(page).with(DemoUsers.as("street1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("data-testid=\"export-progress\"")
                .contains("/api/v1/cases/export/" + jobId);
        mvc.perform(get(page).with(DemoUsers.as("community1"))).andExpect(status().isNotFound());
    }

    @Test
    void badFiltersAre400AUnitOutsideTheScopeIs404AndWithoutThePermission403() throws Exception {
        String street = DemoUsers.token(mvc, "street1");
        mvc.perform(post("/api/v1/cases/export?status=NOPE").with(bearer(street))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/cases/export?category=1x").with(bearer(street))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/cases/export?from=2026-10-05&to=2026-10-01").with(bearer(street)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/cases/export?from=yesterday").with(bearer(street)))
                .andExpect(status().isBadRequest());
        long root = jdbc.queryForObject("select id from grid.unit where parent_id is null and valid_to is null"
                + " limit 1", Long.class);
        mvc.perform(post("/api/v1/cases/export?unitId=" + root).with(bearer(street)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/export/not-a-uuid").with(bearer(street))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/cases/export").with(bearer(DemoUsers.token(mvc, "grid1"))))
                .andExpect(status().isForbidden());
    }
}
