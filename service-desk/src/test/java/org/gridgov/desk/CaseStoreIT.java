package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Cases are stored with their timeline, rebuilt from it, scoped by their grid, and guarded by their version. */
@DeskIntegrationTest
class CaseStoreIT {

    @Autowired
    Cases cases;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    org.gridgov.grid.Restructurings restructurings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;

    long grid;
    long community;
    long otherCommunity;
    long tierOne;
    long otherTierOne;
    long tierTwo;
    CaseActor gridWorker;
    CaseActor dispatcher;
    static int counter;

    /**
     * A county of the test's own: the reporting grid in its community, and another community whose first tier-1 grid
     * has a tier-2 grid that a restructuring can move to the second.
     */
    @BeforeEach
    void actors() {
        HierarchyFixture fixture = new HierarchyFixture(jdbc);
        long district = fixture.district(String.valueOf(460100 + (++counter)), "案件库县" + counter);
        long street = fixture.child(district, UnitLevel.STREET, "001", "幸福街道");
        community = fixture.child(street, UnitLevel.COMMUNITY, "001", "幸福社区");
        grid = fixture.child(community, UnitLevel.GRID, "001", "幸福一网格");
        otherCommunity = fixture.child(street, UnitLevel.COMMUNITY, "002", "和平社区");
        tierOne = fixture.child(otherCommunity, UnitLevel.GRID, "001", "和平一网格");
        otherTierOne = fixture.child(otherCommunity, UnitLevel.GRID, "002", "和平二网格");
        tierTwo = fixture.child(tierOne, UnitLevel.GRID, "001", "和平一网格一分格");
        gridWorker = new CaseActor(DeskRole.GRID_WORKER, grid, "grid1");
        dispatcher = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, community, "community1");
    }

    <T> T as(long unitId, Supplier<T> work) {
        return DataScopeContext.callAs(hierarchy.scopeOf(unitId), work);
    }

    CaseView reported() {
        return as(grid, () -> cases.report(new NewCase(grid, "0101", RequestNature.HELP, CaseChannel.GRID_WORKER,
                false, "幸福家园小区3号楼东侧", 33.01, 112.52, "楼道堆放杂物堵塞消防通道", "王大妈", "13812345678",
                List.of()), gridWorker));
    }

    @Test
    void filesACaseWithTheDaysCodeAndKeepsItsTimelineAcrossActions() {
        CaseView first = reported();
        CaseView second = reported();
        assertThat(CaseCode.isValid(first.code())).isTrue();
        assertThat(CaseCode.parse(second.code()).sequence()).isEqualTo(CaseCode.parse(first.code()).sequence() + 1);
        assertThat(first.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(first.version()).isZero();
        assertThat(first.reporterPhoneMasked()).isEqualTo("138****5678");
        assertThat(first.stage()).as("no clock runs before dispatch").isNull();
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file where reporter_phone_cipher::text"
                + " like '%13812345678%'", Long.class)).isZero();

        CaseView registered = as(community, () -> cases.act(first.id(),
                CaseCommand.of(new Register(), dispatcher, 0)));
        CaseView dispatched = as(community, () -> cases.act(first.id(), CaseCommand.of(
                new Dispatch(new Assignee(HandlingLevel.GRID, grid)),
                dispatcher, registered.version())
                .withComment("请网格员现场核实")));
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.version()).isEqualTo(2);
        assertThat(dispatched.assignee()).isEqualTo(new Assignee(HandlingLevel.GRID, grid));
        assertThat(dispatched.stage()).isEqualTo(DeadlineStage.SIGN);
        assertThat(dispatched.stageRedAt()).isAfter(dispatched.updatedAt());
        assertThat(dispatched.colour()).isEqualTo(DeadlineColour.GREEN);

        CaseView signed = as(grid, () -> cases.act(first.id(),
                CaseCommand.of(new Sign(), gridWorker, 2)));
        assertThat(signed.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(signed.stage()).isEqualTo(DeadlineStage.HANDLE);
        assertThat(signed.stageRedAt()).isAfter(dispatched.stageRedAt());
        List<CaseTimelineEntry> timeline = as(grid, () -> cases.timeline(first.id()));
        assertThat(timeline).extracting(CaseTimelineEntry::action)
                .containsExactly(CaseAction.REPORT, CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.SIGN);
        assertThat(timeline.get(2).comment()).isEqualTo("请网格员现场核实");
        assertThat(timeline.get(2).params().target().unitId()).isEqualTo(grid);
        assertThat(as(grid, () -> cases.availableActions(first.id(), DeskRole.GRID_WORKER)))
                .contains(CaseAction.REPORT_BACK).doesNotContain(CaseAction.SIGN);
    }

    @Test
    void marksACaseOverdueOnceItsStagePassedTheRedDeadline() {
        CaseView reported = reported();
        as(community, () -> cases.act(reported.id(),
                CaseCommand.of(new Register(), dispatcher, 0)));
        as(community, () -> cases.act(reported.id(), CaseCommand.of(
                new Dispatch(new Assignee(HandlingLevel.GRID, grid)), dispatcher, 1)));
        jdbc.update("update desk.case_file set stage_yellow_at = cast(? as timestamptz) - interval '2 hours',"
                + " stage_red_at = cast(? as timestamptz) - interval '1 hour' where id = ?",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), reported.id());
        assertThat(cases.markOverdue()).isPositive();
        CaseView late = as(grid, () -> cases.get(reported.id()));
        assertThat(late.overdue()).isTrue();
        assertThat(late.colour()).isEqualTo(DeadlineColour.RED);
        assertThat(cases.markOverdue()).as("marked once per stage").isZero();
        CaseView signed = as(grid, () -> cases.act(reported.id(),
                CaseCommand.of(new Sign(), gridWorker, 2)));
        assertThat(signed.overdue()).as("a new stage starts on time").isFalse();
        assertThat(jdbc.queryForObject("select overdue_count from desk.case_file where id = ?", Integer.class,
                reported.id())).isEqualTo(1);
    }

    @Test
    void showsOpenCasesOfTheSameCategoryNearbyOrAtTheSameAddressAsPossibleDuplicates() {
        CaseView first = file("0102", "和平路18号", 33.02000, 112.53000);
        CaseView near = file("0102", "和平路20号", 33.02050, 112.53000);
        CaseView sameAddress = file("0102", "和平路 18号", null, null);
        CaseView far = file("0102", "和平路200号", 33.03000, 112.53000);
        CaseView otherCategory = file("0103", "和平路18号", 33.02000, 112.53000);
        List<Long> duplicates = as(community, () -> cases.possibleDuplicates(first.id())).stream()
                .map(CaseView::id).toList();
        assertThat(duplicates).contains(near.id(), sameAddress.id())
                .doesNotContain(far.id(), otherCategory.id(), first.id());
    }

    CaseView file(String category, String address, Double lat, Double lng) {
        return as(grid, () -> cases.report(new NewCase(grid, category, RequestNature.COMPLAINT,
                CaseChannel.GRID_WORKER, false, address, lat, lng, "重复上报测试", null, null, List.of()), gridWorker));
    }

    @Test
    void casesFollowTheirGridWhenARestructuringMovesIt() {
        // a tier-2 grid of the other community moves from one tier-1 grid to the other
        long moving = tierTwo;
        CaseActor worker = new CaseActor(DeskRole.GRID_WORKER, moving, "gw-moving");
        CaseView reported = as(moving, () -> cases.report(new NewCase(moving, "0101", RequestNature.HELP,
                CaseChannel.GRID_WORKER, false, "待划转网格", null, null, "划转前上报", null, null, List.of()), worker));
        as(otherCommunity, () -> restructurings.move(new org.gridgov.grid.MoveCommand(moving, otherTierOne,
                time.today(), "977", null, "测试划转"), "tester"));
        long successor = jdbc.queryForObject("select max(successor_id) from grid.unit_succession"
                + " where predecessor_id = ?", Long.class, moving);
        String casePath = jdbc.queryForObject("select unit_path from desk.case_file where id = ?", String.class,
                reported.id());
        assertThat(casePath).as("open work follows the successor grid").isEqualTo(hierarchy.scopeOf(successor).path());
        CaseView seen = as(otherTierOne, () -> cases.get(reported.id()));
        assertThat(seen.gridUnitId()).as("the case still names the grid of its time").isEqualTo(moving);
        assertThatThrownBy(() -> as(tierOne, () -> cases.get(reported.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesAnUnknownCategoryAndSavesNothing() {
        long before = jdbc.queryForObject("select count(*) from desk.case_file", Long.class);
        assertThatThrownBy(() -> as(grid, () -> cases.report(new NewCase(grid, "0100", RequestNature.HELP,
                CaseChannel.GRID_WORKER, false, "x", null, null, "大类不能直接上报", null, null, List.of()),
                gridWorker))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("categoryCode");
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file", Long.class)).isEqualTo(before);
    }

    @Test
    void refusesAnActionTheStateDoesNotAllowAndStoresNothing() {
        CaseView reported = reported();
        assertThatThrownBy(() -> as(grid, () -> cases.act(reported.id(),
                CaseCommand.of(new VerifyPass(), gridWorker, 0))))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("case.action.notAllowed");
        assertThat(jdbc.queryForObject("select count(*) from desk.case_event where case_id = ?", Long.class,
                reported.id())).isEqualTo(1);
        assertThat(as(grid, () -> cases.get(reported.id())).version()).isZero();
    }

    @Test
    void twoParallelDispatchesOfOneVersionLetExactlyOneWin() throws Exception {
        CaseView reported = reported();
        as(community, () -> cases.act(reported.id(),
                CaseCommand.of(new Register(), dispatcher, 0)));
        CountDownLatch start = new CountDownLatch(1);
        Callable<CaseView> dispatch = () -> {
            start.await();
            return as(community, () -> cases.act(reported.id(), CaseCommand.of(
                new Dispatch(new Assignee(HandlingLevel.GRID, grid)), dispatcher, 1)));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<CaseView>> results = new ArrayList<>();
        try {
            results.add(pool.submit(dispatch));
            results.add(pool.submit(dispatch));
            start.countDown();
            int won = 0;
            int stale = 0;
            for (Future<CaseView> result : results) {
                try {
                    result.get();
                    won++;
                }
                catch (ExecutionException ex) {
                    assertThat(ex.getCause()).isInstanceOf(StaleVersionException.class);
                    stale++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(stale).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from desk.case_event where case_id = ?", Long.class,
                reported.id())).isEqualTo(3);
        assertThat(as(community, () -> cases.get(reported.id())).version()).isEqualTo(2);
    }

    @Test
    void aCaseOutsideTheCallersScopeIsNotFound() {
        CaseView reported = reported();
        long otherGrid = tierTwo;
        assertThatThrownBy(() -> as(otherGrid, () -> cases.get(reported.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> DataScopeContext.callAs(new DataScope(otherGrid,
                hierarchy.scopeOf(otherGrid).path()), () -> cases.report(new NewCase(grid, "0101",
                RequestNature.HELP, CaseChannel.GRID_WORKER, false, "x", null, null, "越界上报", null, null,
                List.of()), gridWorker))).isInstanceOf(NotFoundException.class);
    }
}
