package org.gridgov.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

import org.gridgov.desk.Assignee;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.CaseStep;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.Categories;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.DepartmentFigure;
import org.gridgov.desk.DepartmentFigures;
import org.gridgov.desk.DepartmentStage;
import org.gridgov.desk.DepartmentStats;
import org.gridgov.desk.DeskIntegrationTest;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.Dispatch;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.Register;
import org.gridgov.desk.ReportBack;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.Return;
import org.gridgov.desk.Shelve;
import org.gridgov.desk.Sign;
import org.gridgov.desk.StatsQuery;
import org.gridgov.desk.VerifyPass;
import org.gridgov.desk.AssistReport;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DepartmentEdit;
import org.gridgov.grid.DepartmentView;
import org.gridgov.grid.Departments;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NewDepartment;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 吹哨报到 with departments: who a department user reaches, where a dispatch to departments may go, returns and wrong
 * dispatches, co-handling (协办), and the long-term ledger (挂账) stopping and restarting the clock — each checked
 * through the service-desk API and the department figures.
 */
@DeskIntegrationTest
class DepartmentCasesIT {

    private static final String ROUTED = "0603";
    private static final String UNROUTED = "0604";
    private static int counties = 0;

    @Autowired
    Cases cases;
    @Autowired
    Categories categories;
    @Autowired
    Departments departments;
    @Autowired
    DepartmentStats figures;
    @Autowired
    CaseStats stats;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;
    @Autowired
    TestClock clock;
    @Autowired
    LedgerReview ledger;

    long district;
    long street;
    long community;
    long grid;
    long otherStreet;
    DepartmentView cityManagement;
    DepartmentView housing;
    DepartmentView otherPolice;
    CaseActor streetDispatcher;
    CaseActor cg;
    CaseActor zj;

    @BeforeEach
    void county() {
        HierarchyFixture fixture = new HierarchyFixture(jdbc);
        String code = "48" + String.format("%02d", ++counties) + String.format("%02d", (int) (System.nanoTime() % 100));
        district = fixture.district(code, "部门县" + code);
        street = fixture.child(district, UnitLevel.STREET, "001", "部门街道");
        community = fixture.child(street, UnitLevel.COMMUNITY, "001", "部门社区");
        grid = fixture.child(community, UnitLevel.GRID, "001", "部门网格");
        otherStreet = fixture.child(district, UnitLevel.STREET, "002", "另一街道");
        cityManagement = system(() -> departments.create(new NewDepartment(district, "01", "县城市管理局")));
        housing = system(() -> departments.create(new NewDepartment(district, "02", "县住房和城乡建设局")));
        otherPolice = system(() -> departments.create(new NewDepartment(otherStreet, "01", "另一街道派出所")));
        streetDispatcher = new CaseActor(DeskRole.STREET_DISPATCHER, street, "street" + code);
        cg = new CaseActor(DeskRole.DEPARTMENT_HANDLER, cityManagement.id(), "cg" + code);
        zj = new CaseActor(DeskRole.DEPARTMENT_HANDLER, housing.id(), "zj" + code);
    }

    @AfterEach
    void restore() {
        clock.reset();
        jdbc.update("update desk.category set default_department_id = null where default_department_id in"
                + " (select id from grid.unit where path like ?)", "/" + district + "/%");
    }

    @Test
    void aDepartmentUserReachesTheCasesDispatchedToItsDepartmentAndNothingElse() {
        long led = registered(UNROUTED);
        long assisted = registered(UNROUTED);
        long elsewhere = registered(UNROUTED);
        act(led, new Dispatch(toDepartment(cityManagement), List.of(housing.id())), streetDispatcher);
        act(assisted, new Dispatch(toDepartment(housing)), streetDispatcher);

        assertThat(as(cg, () -> ids(cases.search(CaseQuery.under("/"), 0, 50).items()))).containsExactly(led);
        assertThat(as(zj, () -> ids(cases.search(CaseQuery.under("/"), 0, 50).items())))
                .containsExactlyInAnyOrder(led, assisted);
        assertThatThrownBy(() -> as(cg, () -> cases.get(assisted))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(cg, () -> cases.get(elsewhere))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(cg, () -> cases.timeline(elsewhere))).isInstanceOf(NotFoundException.class);
        // no territory: not the case's grid, not the street, not the county
        for (long unit : List.of(grid, street, district)) {
            assertThatThrownBy(() -> as(cg, () -> hierarchy.get(unit))).isInstanceOf(NotFoundException.class);
        }
        assertThat(as(cg, () -> cases.count(CaseQuery.under(hierarchy.scopeOf(district).path()))))
                .as("of the county's cases, only its own").isEqualTo(1);

        // a case returned by the department stays in its history, and in its reach
        act(led, new Return("不属于本部门职责"), cg);
        assertThat(as(cg, () -> cases.get(led).status())).isEqualTo(CaseStatus.REGISTERED);
        // the reporter's phone stays masked for the department
        assertThat(as(cg, () -> cases.get(led).reporterPhoneMasked())).contains("****");
    }

    @Test
    void aDispatchToDepartmentsGoesWhereTheCaseCanReachAndTheOldFormTakesTheCategorysDefault() {
        route(ROUTED, cityManagement.id());
        long routed = registered(ROUTED);
        CaseView escalated = act(routed, new Dispatch(new Assignee(HandlingLevel.DEPARTMENT, district)),
                streetDispatcher);
        assertThat(escalated.assignee()).isEqualTo(toDepartment(cityManagement));

        long unrouted = registered(UNROUTED);
        refused(() -> act(unrouted, new Dispatch(new Assignee(HandlingLevel.DEPARTMENT, district)), streetDispatcher),
                "departmentId", "case.department.required");
        refused(() -> act(unrouted, new Dispatch(toDepartment(otherPolice)), streetDispatcher),
                "departmentId", "case.department.unreachable");
        refused(() -> act(unrouted, new Dispatch(new Assignee(HandlingLevel.DEPARTMENT, 987654321L)),
                streetDispatcher), "departmentId", "case.department.unknown");
        refused(() -> act(unrouted, new Dispatch(toDepartment(cityManagement), List.of(otherPolice.id())),
                streetDispatcher), "assistingDepartmentIds", "case.department.unreachable");
        refused(() -> act(unrouted, new Dispatch(toDepartment(cityManagement), List.of(cityManagement.id())),
                streetDispatcher), "assistingDepartmentIds", "case.assisting.duplicate");
        refused(() -> act(unrouted, new Dispatch(new Assignee(HandlingLevel.COMMUNITY, community),
                List.of(housing.id())), streetDispatcher), "assistingDepartmentIds", "case.assisting.departmentOnly");

        DepartmentView retired = system(() -> departments.create(new NewDepartment(district, "09", "县撤并局")));
        system(() -> departments.update(retired.id(), new DepartmentEdit(retired.version(), retired.name(), true)));
        refused(() -> act(unrouted, new Dispatch(toDepartment(retired)), streetDispatcher),
                "departmentId", "case.department.retired");
        assertThat(system(() -> departments.reachableFrom(hierarchy.scopeOf(grid).path())))
                .extracting(DepartmentView::id).containsExactly(cityManagement.id(), housing.id());
        assertThat(system(() -> cases.get(unrouted)).version()).as("nothing refused was stored").isEqualTo(1);
    }

    @Test
    void aReturnCountsAgainstTheDepartmentAndARedispatchElsewhereAgainstTheDispatcher() {
        long wrong = registered(UNROUTED);
        act(wrong, new Dispatch(toDepartment(cityManagement)), streetDispatcher);
        CaseView back = act(wrong, new Return("属住建部门职责"), cg);
        assertThat(back.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(back.level()).as("back with the street that whistled").isEqualTo(HandlingLevel.STREET);
        assertThat(as(streetDispatcher, () -> ids(cases.search(CaseQuery.under(hierarchy.scopeOf(street).path())
                .tasksOf(streetDispatcher), 0, 50).items()))).contains(wrong);
        act(wrong, new Dispatch(toDepartment(housing)), streetDispatcher);

        long insisted = registered(UNROUTED);
        act(insisted, new Dispatch(toDepartment(cityManagement)), streetDispatcher);
        act(insisted, new Return("请补充材料"), cg);
        act(insisted, new Dispatch(toDepartment(cityManagement)), streetDispatcher);

        List<DepartmentStage> parts = system(() -> cases.departments(wrong));
        assertThat(parts).extracting(DepartmentStage::departmentId, DepartmentStage::returned,
                        DepartmentStage::misdispatched, DepartmentStage::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(cityManagement.id(), true, true, false),
                        org.assertj.core.groups.Tuple.tuple(housing.id(), false, false, true));
        assertThat(system(() -> cases.departments(insisted))).extracting(DepartmentStage::misdispatched)
                .containsExactly(false, false);

        DepartmentFigures city = figuresOf(cityManagement);
        assertThat(city.received()).isEqualTo(3);
        assertThat(city.returned()).isEqualTo(2);
        assertThat(city.returnRate()).contains(new java.math.BigDecimal("66.67"));
        assertThat(figuresOf(housing).received()).isEqualTo(1);
        YearMonth month = time.thisMonth();
        assertThat(system(() -> figures.misdispatches(month, month))).filteredOn(m -> m.unitId() == street)
                .singleElement().satisfies(m -> {
                    assertThat(m.dispatched()).isEqualTo(4);
                    assertThat(m.misdispatched()).isEqualTo(1);
                });
        assertThat(as(streetDispatcher, () -> ids(cases.search(CaseQuery.under("/").forDepartment(
                new CaseQuery.DepartmentFilter(street, DepartmentFigure.MISDISPATCHED, null, null)), 0, 50).items())))
                .containsExactly(wrong);
        assertThat(as(streetDispatcher, () -> ids(cases.search(CaseQuery.under("/").forDepartment(
                new CaseQuery.DepartmentFilter(cityManagement.id(), DepartmentFigure.RETURNED, null, null)), 0, 50)
                .items()))).containsExactlyInAnyOrder(wrong, insisted);
        assertRollupEqualsRecount();
    }

    @Test
    void assistingDepartmentsReportTheirPartAndTheLeadsReportBackClosesTheDepartmentStage() {
        long id = registered(UNROUTED);
        act(id, new Dispatch(toDepartment(cityManagement), List.of(housing.id())), streetDispatcher);
        assertThat(as(zj, () -> cases.availableActions(id, zj))).containsExactly(CaseAction.ASSIST_REPORT);
        assertThat(as(zj, () -> ids(cases.search(CaseQuery.under("/").tasksOf(zj), 0, 50).items()))).contains(id);
        act(id, new AssistReport(), zj);
        assertThat(as(zj, () -> cases.availableActions(id, zj))).isEmpty();
        assertThat(as(zj, () -> ids(cases.search(CaseQuery.under("/").tasksOf(zj), 0, 50).items())))
                .doesNotContain(id);
        act(id, new Sign(), cg);
        act(id, new ReportBack(), cg);
        act(id, new VerifyPass(), streetDispatcher);

        DepartmentFigures lead = figuresOf(cityManagement);
        assertThat(lead.received()).isEqualTo(1);
        assertThat(lead.signedOnTime()).isEqualTo(1);
        assertThat(lead.completedOnTime()).isEqualTo(1);
        assertThat(lead.open()).isZero();
        DepartmentFigures assisting = figuresOf(housing);
        assertThat(assisting.received()).isZero();
        assertThat(assisting.assisted()).isEqualTo(1);
        assertThat(assisting.assistReported()).isEqualTo(1);
        assertRollupEqualsRecount();
    }

    @Test
    void aShelvedCaseStopsItsClockIsCountedApartAndComesBackOnItsReviewDate() {
        long id = registered(UNROUTED);
        act(id, new Dispatch(toDepartment(cityManagement)), streetDispatcher);
        act(id, new Sign(), cg);
        LocalDate today = time.today();
        refused(() -> act(id, new Shelve("需列入明年预算", today), streetDispatcher), "reviewDate",
                "case.shelve.reviewDate.range");
        refused(() -> act(id, new Shelve(" ", today.plusDays(5)), streetDispatcher), "reason", "case.reason.required");
        CaseView shelved = act(id, new Shelve("需列入明年预算", today.plusDays(5)), streetDispatcher);
        assertThat(shelved.status()).isEqualTo(CaseStatus.SHELVED);
        assertThat(shelved.stage()).as("no clock runs").isNull();
        assertThat(shelved.reviewDate()).isEqualTo(today.plusDays(5));

        clock.advance(Duration.ofDays(3));
        cases.markOverdue();
        assertThat(ledger.resumeDue()).as("not due yet").isZero();
        CaseFigures street = system(() -> stats.total(new StatsQuery(this.street, time.thisMonth().minusMonths(1),
                time.thisMonth(), null, null, null)));
        assertThat(street.shelved()).isEqualTo(1);
        assertThat(street.overdue()).isZero();
        assertThat(street.closed()).isZero();
        assertThat(figuresOf(cityManagement).shelved()).isEqualTo(1);
        assertThat(figuresOf(cityManagement).open()).isZero();
        assertThat(system(() -> cases.search(CaseQuery.under(hierarchy.scopeOf(this.street).path())
                .withStatus(CaseStatus.SHELVED), 0, 10).items())).extracting(CaseView::id).containsExactly(id);

        clock.advance(Duration.ofDays(3));
        assertThat(ledger.resumeDue()).isGreaterThanOrEqualTo(1);
        CaseView resumed = system(() -> cases.get(id));
        assertThat(resumed.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(resumed.stage()).isEqualTo(DeadlineStage.HANDLE);
        assertThat(resumed.reviewDate()).isNull();
        assertThat(resumed.stageRedAt()).as("the handling clock starts afresh").isAfter(clock.instant());
        assertThat(system(() -> cases.timeline(id))).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(CaseAction.RESUME);
            assertThat(entry.role()).isEqualTo(DeskRole.SYSTEM);
        });
        assertThat(ledger.resumeDue()).as("once").isZero();
        assertThat(figuresOf(cityManagement).shelved()).isZero();
        assertThat(figuresOf(cityManagement).open()).isEqualTo(1);
        assertRollupEqualsRecount();
    }

    @Test
    void aDispatchNamesAnExistingUnitOfItsLevelInTheDispatchersReach() {
        HierarchyFixture fixture = new HierarchyFixture(jdbc);
        long otherGrid = fixture.child(fixture.child(otherStreet, UnitLevel.COMMUNITY, "001", "另一社区"),
                UnitLevel.GRID, "001", "另一网格");
        CaseActor communityDispatcher = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, community, "cd" + community);
        long id = registered(UNROUTED);
        refused(() -> act(id, new Dispatch(new Assignee(HandlingLevel.GRID, otherGrid)), communityDispatcher),
                "target", "case.target.unknown");
        refused(() -> act(id, new Dispatch(new Assignee(HandlingLevel.STREET, grid)), streetDispatcher),
                "target", "case.target.level");
        refused(() -> act(id, new Dispatch(new Assignee(HandlingLevel.GRID, district)), streetDispatcher),
                "target", "case.target.level");
        refused(() -> act(id, new Dispatch(new Assignee(HandlingLevel.COMMUNITY, 987654321L)), streetDispatcher),
                "target", "case.target.unknown");
        assertThat(system(() -> cases.get(id)).version()).as("nothing refused was stored").isEqualTo(1);

        // the grid, then the grid worker whistles to its community: above the case, outside the worker's subtree
        act(id, new Dispatch(new Assignee(HandlingLevel.GRID, grid)), communityDispatcher);
        CaseActor worker = new CaseActor(DeskRole.GRID_WORKER, grid, "gw" + grid);
        CaseView escalated = act(id, new org.gridgov.desk.Escalate(new Assignee(HandlingLevel.COMMUNITY, community)),
                worker);
        assertThat(escalated.assignee()).isEqualTo(new Assignee(HandlingLevel.COMMUNITY, community));
    }

    // ---- helpers

    private long registered(String category) {
        CaseActor worker = new CaseActor(DeskRole.GRID_WORKER, grid, "gw" + grid);
        CaseView filed = as(worker, () -> cases.report(new NewCase(grid, category, RequestNature.COMPLAINT,
                CaseChannel.GRID_WORKER, false, "部门案件", null, null, "道路施工占道，需部门处理", "王先生",
                "13912345678", List.of()), worker));
        CaseActor community = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, this.community, "cd" + this.community);
        return act(filed.id(), new Register(), community).id();
    }

    private CaseView act(long id, CaseStep step, CaseActor actor) {
        return as(actor, () -> cases.act(id, new CaseCommand(step, actor, cases.get(id).version(), "处理意见",
                List.of())));
    }

    private void route(String category, long department) {
        system(() -> categories.route(category, department, categories.find(category).orElseThrow().version(),
                "test"));
    }

    private DepartmentFigures figuresOf(DepartmentView department) {
        YearMonth month = time.thisMonth();
        return system(() -> figures.departments(month.minusMonths(1), month.plusMonths(1), null)).stream()
                .filter(row -> row.department().id() == department.id()).findFirst().orElseThrow().figures();
    }

    private void assertRollupEqualsRecount() {
        YearMonth month = time.thisMonth();
        system(() -> {
            assertThat(figures.departments(month.minusMonths(1), month.plusMonths(1), null))
                    .isEqualTo(figures.recount(month.minusMonths(1), month.plusMonths(1), null));
            return null;
        });
    }

    private static void refused(Runnable action, String field, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static Assignee toDepartment(DepartmentView department) {
        return new Assignee(HandlingLevel.DEPARTMENT, department.id());
    }

    private static List<Long> ids(List<CaseView> views) {
        return views.stream().map(CaseView::id).toList();
    }

    private <T> T as(CaseActor actor, Supplier<T> work) {
        return DataScopeContext.callAs(hierarchy.scopeOf(actor.unitId()), work);
    }

    private static <T> T system(Supplier<T> work) {
        return DataScopeContext.callAs(DataScope.SYSTEM, work);
    }
}
