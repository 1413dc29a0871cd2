package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's figures count a case reported at 00:30 on the 1st in Beijing (16:30 UTC on the last day of the
 * month before) in the month it was reported in Beijing, and "this month" there is already the new one.
 */
@GridGovIntegrationTest
class StatsMonthBoundaryIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

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

    JsonNode stats(String token, String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/stats/cases?" + query).with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aCaseReportedAtHalfPastMidnightOnTheFirstCountsInThatMonth() throws Exception {
        long grid = FreshGrid.create(jdbc, "月初统计网格");
        clock.set(time.at(LocalDateTime.of(2026, 11, 1, 0, 30)));
        assertThat(YearMonth.from(time.now().atZone(ZoneOffset.UTC))).isEqualTo(NOVEMBER.minusMonths(1));
        DataScopeContext.callAs(hierarchy.scopeOf(grid), () -> cases.report(new NewCase(grid, "0101",
                RequestNature.HELP, CaseChannel.GRID_WORKER, false, "月初路 1 号", null, null, "月初第一件", null, null,
                List.of()), new CaseActor(DeskRole.GRID_WORKER, grid, "grid-month-start")));
        String admin = DemoUsers.token(mvc, "admin");

        assertThat(stats(admin, "unitId=" + grid + "&from=2026-11&to=2026-11").get("total").get("received").asLong())
                .isEqualTo(1);
        assertThat(stats(admin, "unitId=" + grid + "&from=2026-10&to=2026-10").get("total").get("received").asLong())
                .isZero();
        // no period given: the last twelve months up to this month in Beijing, which is November already
        JsonNode months = stats(admin, "unitId=" + grid + "&groupBy=month").get("rows");
        JsonNode last = months.get(months.size() - 1);
        assertThat(last.get("key").asString()).isEqualTo("2026-11");
        assertThat(last.get("figures").get("received").asLong()).isEqualTo(1);
    }
}
