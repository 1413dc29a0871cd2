package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/stats/cases: figures from the rollups, by unit, category, channel and month, within scope. */
@GridGovIntegrationTest
class StatsApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    final JsonMapper json = JsonMapper.builder().build();

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    JsonNode stats(String user, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/stats/cases?" + query)
                        .with(bearer(DemoUsers.token(mvc, user))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void answersTheFiguresOfAUnitByChildUnitAndTheyAddUp() throws Exception {
        long street = unitOf("street1");
        YearMonth now = time.thisMonth();
        JsonNode answer = stats("street1", "groupBy=unit&from=" + now.minusMonths(11) + "&to=" + now);
        assertThat(answer.get("unitId").asLong()).as("the caller's node by default").isEqualTo(street);
        List<Long> children = jdbc.queryForList("select id from grid.unit where parent_id = ? and valid_to is null"
                + " and level <> 'DEPARTMENT' order by code", Long.class, street);
        List<Long> keys = new ArrayList<>();
        long received = 0;
        for (JsonNode row : answer.get("rows")) {
            keys.add(row.get("key").asLong());
            received += row.get("figures").get("received").asLong();
        }
        assertThat(keys).as("every child unit, in code order").isEqualTo(children);
        assertThat(received).isEqualTo(answer.get("total").get("received").asLong());
        long counted = jdbc.queryForObject("select count(*) from desk.case_file where unit_path like ?"
                + " and reported_at >= ? and reported_at < ?", Long.class, "%/" + street + "/%",
                Timestamp.from(time.startOf(now.minusMonths(11))), Timestamp.from(time.startOf(now.plusMonths(1))));
        assertThat(answer.get("total").get("received").asLong()).isEqualTo(counted);
    }

    @Test
    void theCaseListBehindEveryFigureHoldsExactlyTheCasesItCounts() throws Exception {
        YearMonth now = time.thisMonth();
        YearMonth first = now.minusMonths(5);
        JsonNode total = stats("street1", "from=" + first + "&to=" + now + "&category=01").get("total");
        String token = DemoUsers.token(mvc, "street1");
        String[][] figures = {{"RECEIVED", "received"}, {"DUE", "due"}, {"DEFERRED", "deferred"},
                {"CLOSED", "closed"}, {"CLOSED_ON_TIME", "closedOnTime"}, {"REWORKED", "reworked"},
                {"EXTENDED", "extended"}, {"HANDLED_ON_SPOT", "handledOnSpot"}, {"CALLBACKS", "callbacks"},
                {"OVERDUE", "overdue"}, {"RED_SUPERVISED", "redSupervised"}, {"SHELVED", "shelved"}};
        for (String[] figure : figures) {
            String body = mvc.perform(get("/api/v1/cases?category=01&size=1&from=" + first.atDay(1) + "&to="
                            + now.atEndOfMonth() + "&figure=" + figure[0]).with(bearer(token)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(json.readTree(body).get("total").asLong()).as(figure[0])
                    .isEqualTo(total.get(figure[1]).asLong());
        }
        assertThat(total.get("closed").asLong()).as("the demo has closed cases here").isPositive();
    }

    @Test
    void groupsByMonthCategoryAndChannelWithRatesDerivedFromTheCounts() throws Exception {
        YearMonth now = time.thisMonth();
        JsonNode months = stats("admin", "groupBy=month&from=" + now.minusMonths(2) + "&to=" + now);
        assertThat(months.get("rows")).hasSize(3);
        assertThat(months.get("rows").get(2).get("key").asString()).isEqualTo(now.toString());
        JsonNode total = months.get("total");
        long closed = total.get("closed").asLong();
        long base = total.get("due").asLong() - total.get("deferred").asLong() - total.get("shelved").asLong();
        if (base > 0) {
            assertThat(total.get("closureRate").decimalValue())
                    .isEqualByComparingTo(java.math.BigDecimal.valueOf(closed * 100.0 / base)
                            .setScale(2, java.math.RoundingMode.HALF_UP));
        }
        JsonNode byCategory = stats("admin", "groupBy=category&category=01");
        for (JsonNode row : byCategory.get("rows")) {
            assertThat(row.get("key").asString()).startsWith("01").isNotEqualTo("0100");
        }
        JsonNode byChannel = stats("admin", "groupBy=channel&channel=HOTLINE");
        for (JsonNode row : byChannel.get("rows")) {
            assertThat(row.get("key").asString()).isEqualTo("HOTLINE");
        }
    }

    @Test
    void recountsFromTheCaseTableOnlyForTheDistrictAdministratorAndAgrees() throws Exception {
        JsonNode rollup = stats("admin", "groupBy=category");
        JsonNode recount = stats("admin", "groupBy=category&source=cases");
        assertThat(recount.get("rows")).isEqualTo(rollup.get("rows"));
        assertThat(recount.get("total")).isEqualTo(rollup.get("total"));
        mvc.perform(get("/api/v1/stats/cases?source=cases")
                        .with(bearer(DemoUsers.token(mvc, "street1"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesBadInputWithAClearMessageAndHidesUnitsOutOfScope() throws Exception {
        String token = DemoUsers.token(mvc, "street1");
        String bad = mvc.perform(get("/api/v1/stats/cases?from=2026-13").with(bearer(token))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("2026-13").contains("yyyy-MM").doesNotContain("Exception");
        mvc.perform(get("/api/v1/stats/cases?from=2026-10&to=2026-01").with(bearer(token)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stats/cases?category=0x").with(bearer(token)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stats/cases?groupBy=street").with(bearer(token)))
                .andExpect(status().isBadRequest());
        long otherStreet = jdbc.queryForObject("select max(id) from grid.unit where level = 'STREET' and id <> ?",
                Long.class, unitOf("street1"));
        mvc.perform(get("/api/v1/stats/cases?unitId=" + otherStreet).with(bearer(token)))
                .andExpect(status().isNotFound());
    }
}
