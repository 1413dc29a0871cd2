package org.gridgov.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.FreshGrid;
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
 * At 00:30 on the 1st in Beijing (still the month before in UTC) the new month may already be reported on, the month
 * after may not, and a case reported then is in the new month's report, not in the old one's.
 */
@GridGovIntegrationTest
class ReportMonthBoundaryIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Cases cases;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;

    final JsonMapper json = JsonMapper.builder().build();

    MvcResult request(String token, long unitId, String month) throws Exception {
        return mvc.perform(post("/api/v1/reports/monthly").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":" + unitId + ",\"month\":\"" + month + "\"}")).andReturn();
    }

    /** The report's total of received cases (受理量), read back from the finished file. */
    long receivedInReport(String token, long unitId, String month) throws Exception {
        MvcResult accepted = request(token, unitId, month);
        assertThat(accepted.getResponse().getStatus()).as(month).isEqualTo(202);
        String jobId = json.readTree(accepted.getResponse().getContentAsString()).get("jobId").asString();
        JsonNode job = awaitFinished(token, jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        byte[] file = mvc.perform(get("/api/v1/reports/" + jobId + "/file").with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> summary = workbook.getSheets().findFirst().orElseThrow().read();
            assertThat(summary.get(1).getCellText(1)).isEqualTo("受理量");
            Row total = summary.get(summary.size() - 1);
            assertThat(total.getCellText(0)).startsWith("合计 ");
            return total.getCellAsNumber(1).orElseThrow().longValue();
        }
    }

    /** Polls the job until it ends (or gives up after a few thousand polls: the status then fails the test). */
    JsonNode awaitFinished(String token, String jobId) throws Exception {
        for (int poll = 0; ; poll++) {
            JsonNode job = json.readTree(mvc.perform(get("/api/v1/reports/" + jobId)
                            .with(bearer(token))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            String state = job.get("status").asString();
            if ("DONE".equals(state) || "FAILED".equals(state) || poll > 3000) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theNewMonthsReportCountsACaseReportedAtHalfPastMidnightOnTheFirst() throws Exception {
        long grid = FreshGrid.create(jdbc, "月报月初网格");
        clock.set(time.at(LocalDateTime.of(2026, 11, 1, 0, 30)));
        DataScopeContext.callAs(hierarchy.scopeOf(grid), () -> cases.report(new NewCase(grid, "0101",
                RequestNature.HELP, CaseChannel.GRID_WORKER, false, "月报路 1 号", null, null, "月初的案件", null, null,
                List.of()), new CaseActor(DeskRole.GRID_WORKER, grid, "grid-report-month")));
        String admin = DemoUsers.token(mvc, "admin");

        assertThat(request(admin, grid, "2026-12").getResponse().getStatus()).as("next month: not yet")
                .isEqualTo(400);
        assertThat(receivedInReport(admin, grid, "2026-11")).isEqualTo(1);
        assertThat(receivedInReport(admin, grid, "2026-10")).isZero();
    }
}
