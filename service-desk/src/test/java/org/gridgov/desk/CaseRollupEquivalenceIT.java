package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.gridgov.desk.internal.RollupFolder;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rollups kept by the triggers equal the naive aggregate over the case table after a random mix of real actions
 * (every action the rules offer to the grid worker, community, street, department and district), overdue sweeps,
 * cases moved to an earlier month, and for every unit level, grouping and filter — read while the mix's deltas are
 * still pending, and again after the folder has folded them into the rollups.
 */
@DeskIntegrationTest
class CaseRollupEquivalenceIT {

    private static final List<String> CATEGORIES = List.of("0101", "0102", "0501", "0502", "0601");

    @Autowired
    Cases cases;
    @Autowired
    CaseStats stats;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    Photos photos;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;
    @Autowired
    TestClock clock;
    @Autowired
    org.gridgov.grid.Departments departments;
    @Autowired
    DepartmentStats departmentStats;
    @Autowired
    Categories categories;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    RollupFolder folder;

    /** The county's two departments and the street's office the mix dispatches to (lead and 协办). */
    List<Long> depts = new ArrayList<>();

    final SplittableRandom random = new SplittableRandom(Long.getLong("rollup.seed", 20261125L));

    <T> T as(long unitId, Supplier<T> work) {
        return DataScopeContext.callAs(hierarchy.scopeOf(unitId), work);
    }

    @Test
    void rollupsEqualTheNaiveAggregateAfterARandomMixOfActions() throws Exception {
        // a community of its own with three grids
        HierarchyFixture fixture = new HierarchyFixture(jdbc);
        long community = fixture.child(fixture.child(fixture.district("470101", "汇总县"), UnitLevel.STREET, "001",
                "汇总街道"), UnitLevel.COMMUNITY, "001", "汇总社区");
        for (String grid : List.of("001", "002", "003")) {
            fixture.child(community, UnitLevel.GRID, grid, "汇总网格" + grid);
        }
        long street = hierarchy.scopeOf(community).path().split("/").length > 2
                ? Long.parseLong(hierarchy.scopeOf(community).path().split("/")[2]) : community;
        long district = Long.parseLong(hierarchy.scopeOf(community).path().split("/")[1]);
        DataScopeContext.runAs(org.gridgov.grid.DataScope.SYSTEM, () -> {
            depts.add(departments.create(new org.gridgov.grid.NewDepartment(district, "01", "汇总城管局")).id());
            depts.add(departments.create(new org.gridgov.grid.NewDepartment(district, "02", "汇总住建局")).id());
            depts.add(departments.create(new org.gridgov.grid.NewDepartment(street, "01", "汇总派出所")).id());
            categories.route("0502", depts.get(0), categories.find("0502").orElseThrow().version(), "test");
        });
        try {
            mix(community, street, district);
        }
        finally {
            jdbc.update("update desk.category set default_department_id = null where code = '0502'");
        }
    }

    private void mix(long community, long street, long district) throws Exception {
        List<Long> grids = jdbc.queryForList("select u.id from grid.unit u where u.level = 'GRID'"
                + " and u.valid_to is null and u.path like ? and not exists (select 1 from grid.unit c"
                + " where c.parent_id = u.id and c.level = 'GRID' and c.valid_to is null) order by u.id limit 3",
                Long.class, hierarchy.scopeOf(community).path() + "%");
        assertThat(grids).hasSize(3);

        // standing in for the demo's cases of the web-app suite: filed this month, never touched by the mix, so the
        // window counts at least 36 even when the mix moves some of ours out of it
        for (long grid : grids) {
            CaseActor worker = new CaseActor(DeskRole.GRID_WORKER, grid, "gw" + grid);
            for (int i = 0; i < 12; i++) {
                as(grid, () -> cases.report(new NewCase(grid, CATEGORIES.get(0), RequestNature.HELP,
                        CaseChannel.HOTLINE, false, "背景案件 " + grid, null, null, "汇总背景", null, null, List.of()),
                        worker));
            }
        }

        List<Long> photoOf = new ArrayList<>();
        for (long grid : grids) {
            photoOf.add(photos.upload(png(), "gw" + grid, hierarchy.scopeOf(grid).path()).id());
        }
        List<CaseView> filed = new ArrayList<>();
        List<Integer> gridOf = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            int g = random.nextInt(grids.size());
            long grid = grids.get(g);
            CaseChannel channel = CaseChannel.values()[random.nextInt(CaseChannel.values().length)];
            String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            CaseActor worker = new CaseActor(DeskRole.GRID_WORKER, grid, "gw" + grid);
            filed.add(as(grid, () -> cases.report(new NewCase(grid, category, RequestNature.COMPLAINT, channel,
                    false, "统计核对 " + grid, null, null, "汇总与逐件计数一致性", null, null, List.of()), worker)));
            gridOf.add(g);
        }

        int acted = 0;
        for (int step = 0; step < 600; step++) {
            int pick = random.nextInt(filed.size());
            long id = filed.get(pick).id();
            long grid = grids.get(gridOf.get(pick));
            double roll = random.nextDouble();
            if (roll < 0.04) {
                // a stage past its red threshold, then the sweep
                Timestamp at = Timestamp.from(clock.instant());
                jdbc.update("update desk.case_file set stage_yellow_at = cast(? as timestamptz) - interval '2 hours',"
                        + " stage_red_at = cast(? as timestamptz) - interval '1 hour'"
                        + " where id = ? and stage is not null", at, at, id);
                cases.markOverdue();
                continue;
            }
            if (roll < 0.07) {
                // a case of an earlier month (the trigger moves its counts between months)
                jdbc.update("update desk.case_file set reported_at = reported_at - interval '35 days' where id = ?",
                        id);
                continue;
            }
            List<CaseActor> actors = new ArrayList<>(List.of(
                    new CaseActor(DeskRole.GRID_WORKER, grid, "gw" + grid),
                    new CaseActor(DeskRole.COMMUNITY_DISPATCHER, community, "cd" + community),
                    new CaseActor(DeskRole.STREET_DISPATCHER, street, "sd" + street),
                    new CaseActor(DeskRole.DEPARTMENT_HANDLER, depts.get(0), "dh" + depts.get(0)),
                    new CaseActor(DeskRole.DEPARTMENT_HANDLER, depts.get(1), "dh" + depts.get(1)),
                    new CaseActor(DeskRole.DEPARTMENT_HANDLER, depts.get(2), "dh" + depts.get(2)),
                    new CaseActor(DeskRole.DISTRICT_ADMIN, district, "da" + district)));
            Collections.shuffle(actors, new java.util.Random(random.nextLong()));
            for (CaseActor actor : actors) {
                List<CaseAction> allowed;
                try {
                    allowed = as(actor.unitId(), () -> cases.availableActions(id, actor));
                }
                catch (org.gridgov.grid.NotFoundException outOfReach) {
                    continue; // a department reaches only what was dispatched to it
                }
                if (allowed.isEmpty()) {
                    continue;
                }
                CaseAction action = allowed.get(random.nextInt(allowed.size()));
                CaseView now = as(district, () -> cases.get(id));
                List<Long> attachments = action == CaseAction.HANDLE_ON_SPOT
                        ? List.of(photoOf.get(gridOf.get(pick))) : List.of();
                CaseStep chosen = step(action, now, grid, community, street, district);
                if (chosen == null) {
                    continue;
                }
                try {
                    as(actor.unitId(), () -> cases.act(id, new CaseCommand(chosen, actor, now.version(), "核对",
                            attachments)));
                    acted++;
                }
                catch (DomainException refused) {
                    // a parameter the random pick could not satisfy (e.g. an escalation from the top): skip it
                }
                break;
            }
        }
        assertThat(acted).as("the mix actually moved cases").isGreaterThan(120);

        YearMonth to = time.thisMonth();
        YearMonth from = to.minusMonths(3);
        CaseFigures mine = as(district, () -> stats.total(new StatsQuery(community, from, to, null, null, null)));
        long counted = jdbc.queryForObject("select count(*) from desk.case_file where unit_path like ?"
                + " and reported_at >= ? and reported_at < ?", Long.class, hierarchy.scopeOf(community).path() + "%",
                Timestamp.from(time.startOf(from)), Timestamp.from(time.startOf(to.plusMonths(1))));
        assertThat(mine.received()).as("ours and the demo's").isEqualTo(counted).isGreaterThanOrEqualTo(36);
        assertThat(mine.closed()).as("some closed").isPositive();
        assertThat(mine.due()).as("some cancelled").isLessThan(mine.received());
        assertThat(mine.escalations() + mine.callbacks() + mine.reworked() + mine.overdue())
                .as("escalations, callbacks, rework or overdue occurred").isPositive();

        // with every delta of the mix still pending (nothing folds them in this context), then after folding
        assertThat(pending()).as("deltas pending").isPositive();
        assertThat(jdbc.queryForObject("select coalesce(sum(received), 0) from desk.case_rollup where unit_id = ?"
                + " and category = '*' and channel = '*'", Long.class, community))
                .as("the rollup table alone lags behind").isLessThan(counted);
        assertFiguresEqualTheRecount(district, street, community, grids, from, to);
        assertThat(folder.foldPending()).as("deltas folded").isPositive();
        assertThat(pending()).as("none left after folding").isZero();
        assertFiguresEqualTheRecount(district, street, community, grids, from, to);

        assertThat(jdbc.queryForObject("select count(*) from desk.case_department where returned or not lead"
                + " and department_id = any(?)", Long.class, (Object) depts.toArray(Long[]::new)))
                .as("returns or co-handling occurred").isPositive();
    }

    private void assertFiguresEqualTheRecount(long district, long street, long community, List<Long> grids,
                                              YearMonth from, YearMonth to) {
        List<Long> units = new ArrayList<>(List.of(district, street, community));
        units.addAll(grids);
        List<String> categories = new ArrayList<>(Collections.singletonList(null));
        categories.addAll(List.of("01", "0500", "0101", "0601"));
        int compared = 0;
        for (long unit : units) {
            for (String category : categories) {
                for (CaseChannel channel : new CaseChannel[] {null, CaseChannel.HOTLINE, CaseChannel.GRID_WORKER}) {
                    for (StatsGrouping by : new StatsGrouping[] {null, StatsGrouping.UNIT, StatsGrouping.CATEGORY,
                            StatsGrouping.CHANNEL, StatsGrouping.MONTH}) {
                        StatsQuery q = new StatsQuery(unit, from, to, by, category, channel);
                        as(district, () -> {
                            assertThat(stats.total(q)).as("total %s", q).isEqualTo(stats.recountTotal(q));
                            if (by != null) {
                                assertThat(stats.breakdown(q)).as("breakdown %s", q).isEqualTo(stats.recount(q));
                            }
                            return null;
                        });
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(6 * 5 * 3 * 5);

        // the departments: the rows are what a fresh reading of each timeline gives, and the rollup their sum
        List<Long> reached = jdbc.queryForList("select distinct case_id from desk.case_department d"
                + " where department_id = any(?)", Long.class, (Object) depts.toArray(Long[]::new));
        assertThat(reached).as("the mix reached departments").hasSizeGreaterThan(5);
        for (long id : reached) {
            as(district, () -> {
                CaseView c = cases.get(id);
                assertThat(cases.departments(id)).as("case %d", id).isEqualTo(DepartmentStages.of(cases.timeline(id),
                        c.categoryCode(), calendar, c.overdue()));
                return null;
            });
        }
        as(district, () -> {
            List<DepartmentStats.Row> rows = departmentStats.departments(from, to.plusMonths(1), null);
            assertThat(rows).isEqualTo(departmentStats.recount(from, to.plusMonths(1), null));
            assertThat(rows.stream().filter(r -> depts.contains(r.department().id()))
                    .mapToLong(r -> r.figures().received()).sum()).isPositive();
            return null;
        });
    }

    private long pending() {
        return jdbc.queryForObject("select (select count(*) from desk.case_rollup_delta)"
                + " + (select count(*) from desk.department_rollup_delta)", Long.class);
    }

    private CaseStep step(CaseAction action, CaseView c, long grid, long community, long street, long district) {
        return switch (action) {
            case DISPATCH -> {
                int pick = random.nextInt(6);
                if (pick < 3) {
                    yield new Dispatch(List.of(new Assignee(HandlingLevel.GRID, grid),
                            new Assignee(HandlingLevel.COMMUNITY, community),
                            new Assignee(HandlingLevel.STREET, street)).get(pick));
                }
                // the older form (the county: the category's default department) or a named lead with 协办
                yield pick == 3 ? new Dispatch(new Assignee(HandlingLevel.DEPARTMENT, district))
                        : new Dispatch(new Assignee(HandlingLevel.DEPARTMENT, depts.get(pick - 4)), assisting(pick - 4));
            }
            case ESCALATE -> {
                HandlingLevel from = c.assignee() == null ? c.level() : c.assignee().level();
                HandlingLevel up = from.next().orElse(HandlingLevel.DEPARTMENT);
                long unit = switch (up) {
                    case GRID -> grid;
                    case COMMUNITY -> community;
                    case STREET -> street;
                    case DEPARTMENT -> district;
                };
                if (up == HandlingLevel.DEPARTMENT) {
                    int lead = random.nextInt(depts.size());
                    yield new Escalate(new Assignee(up, depts.get(lead)), assisting(lead));
                }
                yield new Escalate(new Assignee(up, unit));
            }
            case SHELVE -> new Shelve("需列入预算", time.today().plusDays(1 + random.nextInt(60)));
            case RETURN -> new Return("不符合要求");
            case VERIFY_FAIL -> new VerifyFail("不符合要求");
            case REJECT_EXTENSION -> new RejectExtension("不符合要求");
            case CANCEL -> new Cancel(CancelReason.INVALID, null, null);
            case REQUEST_EXTENSION -> new RequestExtension(2, "需协调多部门");
            case SUPERVISE -> new Supervise(SupervisionLevel.values()[(int) (c.version() % 3)]);
            case CALLBACK -> new Callback(Satisfaction.values()[(int) (c.version() % 3)]);
            default -> CaseStep.read(action, CaseActionFields.NONE);
        };
    }

    /** None, or one or two of the other departments. */
    private List<Long> assisting(int lead) {
        List<Long> others = new ArrayList<>(depts);
        others.remove(lead);
        Collections.shuffle(others, new java.util.Random(random.nextLong()));
        return others.subList(0, random.nextInt(3));
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
