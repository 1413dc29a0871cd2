package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import org.gridgov.desk.Assignee;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.Callback;
import org.gridgov.desk.CaseStep;
import org.gridgov.desk.Dispatch;
import org.gridgov.desk.Register;
import org.gridgov.desk.ReportBack;
import org.gridgov.desk.Sign;
import org.gridgov.desk.VerifyPass;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.Satisfaction;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Case lists filter in the database, not on one page: by category, channel, dates, overdue, due soon, callback,
 * and by whose turn it is (待办) as the case moves through the loop.
 */
@GridGovIntegrationTest
class CaseSearchIT {

    @Autowired
    Cases cases;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;

    long grid;
    long community;
    long street;
    CaseActor gridWorker;
    CaseActor dispatcher;
    CaseActor streetOfficial;
    CaseActor neighbourGridWorker;
    String communityPath;

    @BeforeEach
    void actors() {
        grid = unitOf("grid1");
        community = unitOf("community1");
        street = unitOf("street1");
        gridWorker = new CaseActor(DeskRole.GRID_WORKER, grid, "grid1");
        dispatcher = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, community, "community1");
        streetOfficial = new CaseActor(DeskRole.STREET_DISPATCHER, street, "street1");
        long neighbour = jdbc.queryForObject("select id from grid.unit where level = 'GRID' and id <> ? and valid_to"
                + " is null and path like ? order by id limit 1", Long.class, grid,
                hierarchy.scopeOf(community).path() + "%");
        neighbourGridWorker = new CaseActor(DeskRole.GRID_WORKER, neighbour, "neighbour");
        communityPath = hierarchy.scopeOf(community).path();
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    <T> T as(long unitId, Supplier<T> work) {
        return DataScopeContext.callAs(hierarchy.scopeOf(unitId), work);
    }

    CaseView report(String category, CaseChannel channel, String description) {
        return as(grid, () -> cases.report(new NewCase(grid, category, RequestNature.COMPLAINT, channel, false,
                "书香新村5号楼", null, null, description, null, null, List.of()), gridWorker));
    }

    List<Long> ids(long scopeUnit, CaseQuery query) {
        return as(scopeUnit, () -> cases.search(query, 0, 200).items().stream().map(CaseView::id).toList());
    }

    CaseView act(long unit, long id, CaseStep step, CaseActor actor, long version) {
        return as(unit, () -> cases.act(id, CaseCommand.of(step, actor, version)));
    }

    @Test
    void filtersByCategoryMajorOrMinorChannelAndReportDay() {
        CaseView dispute = report("0101", CaseChannel.GRID_WORKER, "邻里纠纷-筛选");
        CaseView poster = report("0602", CaseChannel.HOTLINE, "小广告-筛选");
        CaseQuery here = CaseQuery.under(communityPath);

        assertThat(ids(community, here.withCategory("0100"))).contains(dispute.id()).doesNotContain(poster.id());
        assertThat(ids(community, here.withCategory("06"))).contains(poster.id()).doesNotContain(dispute.id());
        assertThat(ids(community, here.withCategory("0602"))).contains(poster.id()).doesNotContain(dispute.id());
        assertThat(ids(community, here.withChannel(CaseChannel.HOTLINE))).contains(poster.id())
                .doesNotContain(dispute.id());
        Instant now = clock.instant();
        assertThat(ids(community, here.reportedBetween(now.minus(1, ChronoUnit.HOURS), null)))
                .contains(dispute.id(), poster.id());
        assertThat(ids(community, here.reportedBetween(null, now.minus(1, ChronoUnit.HOURS))))
                .doesNotContain(dispute.id(), poster.id());
        assertThat(ids(community, here.matching("广告-筛")))
                .contains(poster.id()).doesNotContain(dispute.id());
        assertThat(ids(community, here.matching(dispute.code()))).containsExactly(dispute.id());
        assertThat(ids(community, here.matching("100%_\\"))).as("wildcards are plain text").isEmpty();
        assertThat(as(community, () -> cases.count(here.withCategory("0602").withChannel(CaseChannel.HOTLINE))))
                .isEqualTo(ids(community, here.withCategory("0602").withChannel(CaseChannel.HOTLINE)).size());
    }

    @Test
    void theTaskMovesToWhoeverHasToActNext() {
        CaseView c = report("0101", CaseChannel.GRID_WORKER, "楼道杂物-待办");
        CaseQuery here = CaseQuery.under(communityPath);
        assertThat(ids(community, here.tasksOf(dispatcher))).as("to register").contains(c.id());
        assertThat(ids(grid, here.tasksOf(gridWorker))).doesNotContain(c.id());
        assertThat(ids(street, here.tasksOf(streetOfficial))).as("grid cases are the community's")
                .doesNotContain(c.id());

        act(community, c.id(), new Register(), dispatcher, 0);
        assertThat(ids(community, here.tasksOf(dispatcher))).as("to dispatch").contains(c.id());
        act(community, c.id(), new Dispatch(new Assignee(HandlingLevel.GRID, grid)), dispatcher,
                1);
        assertThat(ids(grid, here.tasksOf(gridWorker))).as("to sign").contains(c.id());
        assertThat(ids(community, here.tasksOf(dispatcher))).doesNotContain(c.id());
        assertThat(ids(community, here.tasksOf(neighbourGridWorker))).doesNotContain(c.id());
        assertThat(as(community, () -> cases.availableActions(c.id(), neighbourGridWorker)))
                .as("only the grid holding the case signs").doesNotContain(CaseAction.SIGN, CaseAction.RETURN);
        assertThat(as(grid, () -> cases.availableActions(c.id(), gridWorker))).contains(CaseAction.SIGN);

        act(grid, c.id(), new Sign(), gridWorker, 2);
        assertThat(ids(grid, here.tasksOf(gridWorker))).as("to handle").contains(c.id());
        as(grid, () -> cases.act(c.id(), CaseCommand.of(new ReportBack(), gridWorker, 3).withComment("已清理")));
        assertThat(ids(grid, here.tasksOf(gridWorker))).doesNotContain(c.id());
        assertThat(ids(community, here.tasksOf(dispatcher))).as("to verify").contains(c.id());
        act(community, c.id(), new VerifyPass(), dispatcher, 4);
        assertThat(ids(community, here.tasksOf(dispatcher))).as("to call back").contains(c.id());
        act(community, c.id(), new Callback(Satisfaction.UNSATISFIED), dispatcher, 5);
        assertThat(ids(community, here.tasksOf(dispatcher))).as("evaluated: nobody's task").doesNotContain(c.id());
        assertThat(ids(community, here.withCallback(Satisfaction.UNSATISFIED))).contains(c.id());
        assertThat(ids(community, here.withCallback(Satisfaction.SATISFIED))).doesNotContain(c.id());
    }

    @Test
    void dueSoonAndOverdueFollowTheRunningStagesDeadlinesMostUrgentFirst() {
        CaseView soon = dispatched("即将到期-巡查");
        CaseView late = dispatched("已超期-巡查");
        CaseView later = dispatched("已超期更久-巡查");
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.update("update desk.case_file set stage_yellow_at = cast(? as timestamptz) - interval '1 hour',"
                + " stage_red_at = cast(? as timestamptz) + interval '1 hour' where id = ?", at, at, soon.id());
        jdbc.update("update desk.case_file set stage_yellow_at = cast(? as timestamptz) - interval '3 hours',"
                + " stage_red_at = cast(? as timestamptz) - interval '1 hour' where id = ?", at, at, late.id());
        jdbc.update("update desk.case_file set stage_yellow_at = cast(? as timestamptz) - interval '5 hours',"
                + " stage_red_at = cast(? as timestamptz) - interval '2 hours' where id = ?", at, at, later.id());
        CaseQuery watched = CaseQuery.under(communityPath).watchedBy(gridWorker)
                .orderedBy(CaseQuery.Order.MOST_URGENT);

        assertThat(ids(grid, watched.withDueSoon(true))).contains(soon.id()).doesNotContain(late.id(), later.id());
        List<Long> overdue = ids(grid, watched.withOverdue(true));
        assertThat(overdue).contains(late.id(), later.id()).doesNotContain(soon.id());
        assertThat(overdue.indexOf(later.id())).as("longest overdue first").isLessThan(overdue.indexOf(late.id()));
        assertThat(ids(grid, watched.withOverdue(false))).contains(soon.id()).doesNotContain(late.id());
        assertThat(ids(community, CaseQuery.under(communityPath).watchedBy(neighbourGridWorker).withOverdue(true)))
                .doesNotContain(late.id());
    }

    CaseView dispatched(String description) {
        CaseView c = report("0101", CaseChannel.PATROL, description);
        act(community, c.id(), new Register(), dispatcher, 0);
        return act(community, c.id(), new Dispatch(new Assignee(HandlingLevel.GRID, grid)), dispatcher,
                1);
    }

    @Test
    void theApiTakesTheFiltersAndRefusesBadOnesInTheUsersLanguage() throws Exception {
        CaseView c = report("0602", CaseChannel.HOTLINE, "API筛选-小广告");
        String token = DemoUsers.token(mvc, "community1");
        String body = mvc.perform(get("/api/v1/cases?category=06&channel=HOTLINE&overdue=false&mine=true&size=200")
                        .with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains(c.code());
        String other = mvc.perform(get("/api/v1/cases?category=0101&size=200")
                        .with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain(c.code());
        mvc.perform(get("/api/v1/cases?overdue=true&order=urgent").with(bearer(token)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases?from=2026-10-02&to=2026-10-01").with(bearer(token)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("开始日期不能晚于结束日期"));
        mvc.perform(get("/api/v1/cases?from=2026-10-02&to=2026-10-01").with(bearer(token))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The start date must not be after the end date"));
        mvc.perform(get("/api/v1/cases?category=abc").with(bearer(token)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/cases?channel=PIGEON").with(bearer(token)))
                .andExpect(status().isBadRequest());
    }
}
