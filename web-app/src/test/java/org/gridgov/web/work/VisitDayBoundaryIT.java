package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A household last visited at 00:30 Beijing one interval ago (16:30 UTC the day before) is due today, neither
 * yesterday nor tomorrow, from one minute past midnight to one minute to midnight in Beijing.
 */
@GridGovIntegrationTest
class VisitDayBoundaryIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode dueItem(String token, long gridId, long householdId) throws Exception {
        JsonNode items = json.readTree(mvc.perform(get("/api/v1/visits/due?unitId=" + gridId + "&size=50")
                        .with(bearer(token))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).get("items");
        for (JsonNode item : items) {
            if (item.get("householdId").asLong() == householdId) {
                return item;
            }
        }
        throw new AssertionError("household " + householdId + " not in the due list");
    }

    @Test
    void aHouseholdVisitedOneIntervalAgoIsDueTodayAllDayLong() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 16);
        int interval = jdbc.queryForObject("select interval_days from grid.tag_visit_rule where tag = 'ATTENTION'",
                Integer.class);
        VisitFixture f = new VisitFixture(jdbc);
        long household = f.household("今日到期户", "ATTENTION", time.at(today.atTime(9, 0)), 400);
        f.visitAt(household, time.at(today.minusDays(interval).atTime(0, 30)), "上次走访");

        for (LocalTime at : List.of(LocalTime.of(0, 1), LocalTime.of(23, 59))) {
            clock.set(time.at(today.atTime(at)));
            JsonNode item = dueItem(DemoUsers.token(mvc, f.worker), f.gridId, household);
            assertThat(item.get("dueOn").asString()).as("at " + at).isEqualTo(today.toString());
            assertThat(item.get("daysOverdue").asInt()).as("at " + at).isZero();
        }
    }
}
