package org.gridgov.web.desk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.desk.Assignee;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.Dispatch;
import org.gridgov.desk.Register;
import org.gridgov.desk.ReportBack;
import org.gridgov.desk.Sign;
import org.gridgov.desk.VerifyPass;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.StatsGrouping;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard shows what {@link CaseStats} counts, for the user's node and the units below it, with every number a
 * link to the cases it counts under the same filters; cases filed and closed through the real service move it.
 */
@GridGovIntegrationTest
class DashboardPagesIT {

    private static final Pattern CARD = Pattern.compile(
            "data-card=\"(\\w+)\"[^>]*>\\s*<span class=\"figure-label\">[^<]*</span>\\s*"
                    + "<strong class=\"figure-value\">([^<]*)</strong>");
    private static final Pattern CARD_HREF = Pattern.compile("<a class=\"figure-card\" href=\"([^\"]+)\" "
            + "data-card=\"(\\w+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Cases cases;
    @Autowired
    CaseStats stats;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    PlatformTime time;

    String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    <T> T within(long unitId, Supplier<T> work) {
        return DataScopeContext.callAs(hierarchy.scopeOf(unitId), work);
    }

    static String card(String html, String key) {
        Matcher m = CARD.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no card " + key + " on the page");
    }

    static String cardHref(String html, String key) {
        Matcher m = CARD_HREF.matcher(html);
        while (m.find()) {
            if (m.group(2).equals(key)) {
                return m.group(1).replace("&amp;", "&");
            }
        }
        throw new AssertionError("no link for card " + key);
    }

    static long number(String shown) {
        return Long.parseLong(shown.replace(",", ""));
    }

    @Test
    void showsTheClosureRateCaseStatsCountsAndMovesWhenCasesAreFiledAndClosed() throws Exception {
        long street = unitOf("street1");
        YearMonth now = time.thisMonth();
        StatsQuery year = new StatsQuery(street, now, now, StatsGrouping.UNIT, null, null);
        String thisMonth = "/dashboard?from=" + now + "&to=" + now;
        String before = page("street1", thisMonth);
        long receivedBefore = number(card(before, "received"));
        assertThat(receivedBefore).isEqualTo(within(street, () -> stats.total(year)).received());

        fileAndClose();

        String html = page("street1", thisMonth);
        CaseFigures figures = within(street, () -> stats.total(year));
        assertThat(figures.received()).isEqualTo(receivedBefore + 2);
        assertThat(number(card(html, "received"))).isEqualTo(figures.received());
        assertThat(number(card(html, "closed"))).isEqualTo(figures.closed());
        assertThat(figures.closureRate()).isPresent();
        assertThat(card(html, "closureRate")).isEqualTo(figures.closureRate().get().toPlainString() + "%");
        assertThat(card(html, "satisfactionRate")).isEqualTo(figures.satisfactionRate()
                .map(r -> r.toPlainString() + "%").orElse("—"));
        assertThat(html).contains("data-testid=\"dashboard-heading\"", "结案数 ÷ (应结案数 − 延期未到期 − 挂账)",
                "/js/vendor/echarts.min.js", "/js/dashboard.js", "data-chart=\"{");
        assertThat(html).as("no inline script under the CSP").doesNotContainPattern("<script>|onclick=");
    }

    @Test
    void opensOnTheLastCompleteMonthAndSaysWhatEachChangeComparesWith() throws Exception {
        YearMonth last = time.thisMonth().minusMonths(1);
        String html = page("street1", "/dashboard");
        assertThat(html).contains("name=\"from\" value=\"" + last + "\"", last + " 的数字;环比较 " + last.minusMonths(1)
                + ",同比较 " + last.minusYears(1));
        String year = page("street1", "/dashboard?from=2025-01&to=2025-12");
        assertThat(year).contains("同比较 2024-01 – 2024-12").doesNotContain(">环比 ");
    }

    @Test
    void ranksEveryChildUnitWithADrillDownLinkAndStopsAtTheGrid() throws Exception {
        long street = unitOf("street1");
        long community = unitOf("community1");
        String html = page("street1", "/dashboard?from=2026-01&to=2026-06");
        List<String> children = jdbc.queryForList("select code || ' ' || name from grid.unit where parent_id = ?"
                + " and valid_to is null and level <> 'DEPARTMENT' order by code", String.class, street);
        assertThat(children).isNotEmpty();
        assertThat(html).contains(children);
        assertThat(html).contains("href=\"/dashboard?unitId=" + community + "&amp;from=2026-01&amp;to=2026-06\"");

        String below = page("street1", "/dashboard?unitId=" + community + "&from=2026-01&to=2026-06");
        assertThat(below).as("breadcrumb back to the street")
                .contains("href=\"/dashboard?unitId=" + street + "&amp;from=2026-01&amp;to=2026-06\"");
        String grid = page("grid1", "/dashboard");
        assertThat(grid).as("no drill below a grid").doesNotContain("class=\"drill-link\"")
                .contains("data-testid=\"dashboard-cards\"");
    }

    @Test
    void answers404ForAUnitOutsideTheUsersNode() throws Exception {
        long otherStreet = jdbc.queryForObject("select min(id) from grid.unit where level = 'STREET' and id <> ?",
                Long.class, unitOf("street1"));
        String body = mvc.perform(get("/dashboard?unitId=" + otherStreet).with(as("street1")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Exception");
        mvc.perform(get("/dashboard?unitId=" + unitOf("street1")).with(as("grid1"))).andExpect(status().isNotFound());
    }

    @Test
    void everyNumberLinksToTheCasesItCountsWithTheSameFilters() throws Exception {
        long street = unitOf("street1");
        String html = page("street1", "/dashboard?from=2025-01&to=2026-06&category=0100");
        assertThat(cardHref(html, "closed")).isEqualTo("/cases?tab=all&unitId=" + street
                + "&from=2025-01-01&to=2026-06-30&category=0100&figure=CLOSED");
        assertThat(cardHref(html, "overdue")).endsWith("&category=0100&figure=OVERDUE");
        assertThat(cardHref(html, "redSupervised")).endsWith("&category=0100&figure=RED_SUPERVISED");
        assertThat(html).contains("&amp;category=0100&amp;figure=ESCALATED");

        String all = page("street1", "/dashboard?from=2025-01&to=2026-12");
        String list = page("street1", cardHref(all, "received"));
        assertThat(list).contains("data-testid=\"figure-filter\"")
                .contains("共 " + card(all, "received") + " 件");
        String closed = page("street1", cardHref(all, "closed"));
        assertThat(closed).contains("共 " + card(all, "closed") + " 件");
    }

    @Test
    void aFilterThatIsNotUnderstoodIsNamedNextToItsFieldInBothLanguages() throws Exception {
        String html = page("street1", "/dashboard?from=2026-13&to=soon&category=9999");
        assertThat(html).contains("月份格式应为", "没有这个事件类别", "data-testid=\"dashboard-cards\"")
                .doesNotContain("Exception");
        assertThat(page("street1", "/dashboard?from=2026-06&to=2026-01&lang=en"))
                .contains("The end month must not be before the start month", "Closure rate");
        mvc.perform(get("/dashboard?unitId=abc").with(as("street1"))).andExpect(status().isNotFound());
    }

    @Test
    void theNavigationLeadsToTheDashboardAndTheChartLibraryIsServed() throws Exception {
        assertThat(page("grid1", "/cases")).contains("href=\"/dashboard\"", "数据看板");
        mvc.perform(get("/js/vendor/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/js/dashboard.js")).andExpect(status().isOk());
        assertThat(page("street1", "/dashboard?wall=true")).contains("dashboard-wall");
    }

    /** Files two cases in grid1's grid and carries one through to closure, each step by the right actor. */
    private void fileAndClose() {
        long grid = unitOf("grid1");
        long community = unitOf("community1");
        CaseActor gridWorker = new CaseActor(DeskRole.GRID_WORKER, grid, "grid1");
        CaseActor dispatcher = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, community, "community1");
        CaseView open = within(grid, () -> cases.report(newCase("看板-未结"), gridWorker));
        CaseView c = within(grid, () -> cases.report(newCase("看板-结案"), gridWorker));
        assertThat(open.id()).isNotEqualTo(c.id());
        within(community, () -> cases.act(c.id(), CaseCommand.of(new Register(), dispatcher, 0)));
        within(community, () -> cases.act(c.id(), CaseCommand.of(
                new Dispatch(new Assignee(HandlingLevel.GRID, grid)), dispatcher, 1)));
        within(grid, () -> cases.act(c.id(), CaseCommand.of(new Sign(), gridWorker, 2)));
        within(grid, () -> cases.act(c.id(), CaseCommand.of(new ReportBack(), gridWorker, 3).withComment("已处理")));
        within(community, () -> cases.act(c.id(), CaseCommand.of(new VerifyPass(), dispatcher, 4)));
    }

    private NewCase newCase(String description) {
        long grid = unitOf("grid1");
        return new NewCase(grid, "0101", RequestNature.COMPLAINT, CaseChannel.GRID_WORKER, false, "书香新村5号楼",
                null, null, description, null, null, List.of());
    }
}
