package org.gridgov.web.desk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.StatsGrouping;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NewUnit;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 镇平县's published figures for a year — 638,000 events received, 636,000 closed — seeded straight into the rollup
 * for a fresh street (and its one community) with no cases of its own: the dashboard shows a closure rate of 99.69 %.
 */
@GridGovIntegrationTest
class ZhenpingDashboardIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    CaseStats stats;

    @Test
    void showsZhenpingsClosureRateOf99Point69() throws Exception {
        long county = jdbc.queryForObject("select unit_id from app.user_account where username = 'admin'",
                Long.class);
        UnitView town = DataScopeContext.callAs(hierarchy.scopeOf(county), () -> hierarchy.create(
                new NewUnit(county, UnitLevel.STREET, "987", "镇平示范镇", null)));
        UnitView village = DataScopeContext.callAs(hierarchy.scopeOf(county), () -> hierarchy.create(
                new NewUnit(town.id(), UnitLevel.COMMUNITY, "001", "镇平示范村", null)));
        for (long unit : List.of(town.id(), village.id())) {
            seedYear(unit, YearMonth.of(2025, 1));
        }

        String html = mvc.perform(get("/dashboard?unitId=" + town.id() + "&from=2025-01&to=2025-12")
                        .with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(DashboardPagesIT.card(html, "received")).isEqualTo("638,000");
        assertThat(DashboardPagesIT.card(html, "closed")).isEqualTo("636,000");
        assertThat(DashboardPagesIT.card(html, "closureRate")).isEqualTo("99.69%");
        assertThat(html).as("the village in the ranking, green").contains(village.code() + " " + village.name())
                .contains("class=\"badge badge-good\">99.69%</span>");
        CaseFigures total = DataScopeContext.callAs(hierarchy.scopeOf(county), () -> stats.total(new StatsQuery(
                town.id(), YearMonth.of(2025, 1), YearMonth.of(2025, 12), StatsGrouping.UNIT, null, null)));
        assertThat(total.closureRate()).contains(new BigDecimal("99.69"));
    }

    /**
     * Twelve months adding up to 638,000 received and 636,000 closed (eleven of 53,000 received, one of 55,000; the
     * 2,000 still open spread over the first eleven), in every cut the rollup keeps: all categories and channels,
     * one category, one channel, both.
     */
    private void seedYear(long unit, YearMonth first) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long received = i < 11 ? 53_000 : 55_000;
            long closed = received - (i < 10 ? 182 : i == 10 ? 180 : 0);
            Date month = Date.valueOf(first.plusMonths(i).atDay(1));
            for (String[] cut : new String[][] {{"*", "*"}, {"0101", "*"}, {"*", "HOTLINE"}, {"0101", "HOTLINE"}}) {
                rows.add(new Object[] {unit, month, cut[0], cut[1], received, received, closed, closed});
            }
        }
        jdbc.batchUpdate("insert into desk.case_rollup (unit_id, month, category, channel, received, due, closed,"
                + " closed_on_time) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }
}
