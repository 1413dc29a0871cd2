package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case's code carries the platform's local day and that day's counter, and its stage clock counts office hours of
 * that day, at one minute past and one minute to midnight in Beijing (16:01 and 15:59 UTC): the UTC date, or the
 * build JVM's Honolulu date, would put the first on the day before, a Sunday without office hours.
 */
@DeskIntegrationTest
class CaseDayBoundaryIT {

    /** Neighbour disputes: signed within 2 (yellow) and 4 (red) working hours. */
    static final String NEIGHBOURS = "0101";

    @Autowired
    Cases cases;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;
    @Autowired
    JdbcTemplate jdbc;

    HierarchyFixture fixture;
    long community;
    long grid;
    CaseActor gridWorker;
    CaseActor dispatcher;
    static int counter;

    @BeforeEach
    void hierarchy() {
        fixture = new HierarchyFixture(jdbc);
        long district = fixture.district(String.valueOf(430100 + (++counter)), "案件县" + counter);
        long street = fixture.child(district, UnitLevel.STREET, "001", "城南街道");
        community = fixture.child(street, UnitLevel.COMMUNITY, "001", "城南社区");
        grid = fixture.child(community, UnitLevel.GRID, "001", "城南一网格");
        gridWorker = new CaseActor(DeskRole.GRID_WORKER, grid, "grid-boundary");
        dispatcher = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, community, "community-boundary");
    }

    void setBeijing(LocalDateTime local) {
        clock.set(time.at(local));
    }

    <T> T as(long unitId, Supplier<T> work) {
        return DataScopeContext.callAs(fixture.scope(unitId), work);
    }

    CaseView reported() {
        return as(grid, () -> cases.report(new NewCase(grid, NEIGHBOURS, RequestNature.HELP, CaseChannel.GRID_WORKER,
                false, "城南路 8 号", null, null, "楼道堆放杂物", null, null, List.of()), gridWorker));
    }

    CaseView dispatched(CaseView reported) {
        CaseView registered = as(community, () -> cases.act(reported.id(),
                CaseCommand.of(new Register(), dispatcher, reported.version())));
        return as(community, () -> cases.act(reported.id(), CaseCommand.of(
                new Dispatch(new Assignee(HandlingLevel.GRID, grid)), dispatcher, registered.version())));
    }

    @Test
    void aCaseReportedAtOneMinutePastMidnightIsCodedWithThatDayAndItsCounter() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        setBeijing(monday.atTime(0, 1));
        assertThat(time.now().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(monday.minusDays(1));

        CaseCode first = CaseCode.parse(reported().code());
        CaseCode second = CaseCode.parse(reported().code());
        assertThat(first.day()).isEqualTo(monday);
        assertThat(second.day()).isEqualTo(monday);
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(jdbc.queryForObject("select last from desk.case_code_counter where day = ?", Integer.class,
                monday)).isEqualTo(second.sequence());
    }

    @Test
    void aCaseReportedAtOneMinuteToMidnightIsStillCodedWithThatDay() {
        LocalDate tuesday = LocalDate.of(2026, 12, 8);
        setBeijing(tuesday.atTime(23, 59));

        CaseView view = reported();
        assertThat(CaseCode.parse(view.code()).day()).isEqualTo(tuesday);
        assertThat(time.dateOf(view.reportedAt())).isEqualTo(tuesday);
    }

    @Test
    void aCaseDispatchedAtOneMinutePastMidnightOnAWorkingDayMustBeSignedThatMorning() {
        LocalDate monday = LocalDate.of(2026, 12, 14);
        setBeijing(monday.atTime(0, 1));

        CaseView dispatched = dispatched(reported());
        assertThat(dispatched.stage()).isEqualTo(DeadlineStage.SIGN);
        // office hours from 09:00: 2 hours to 11:00; 4 hours run past the lunch break to 14:30
        assertThat(dispatched.stageYellowAt()).isEqualTo(time.at(monday.atTime(11, 0)));
        assertThat(dispatched.stageRedAt()).isEqualTo(time.at(monday.atTime(14, 30)));
    }

    @Test
    void aCaseDispatchedAtOneMinuteToMidnightOnAFridayIsDueOnMonday() {
        LocalDate friday = LocalDate.of(2026, 12, 18);
        setBeijing(friday.atTime(23, 59));

        CaseView dispatched = dispatched(reported());
        LocalDate monday = friday.plusDays(3);
        assertThat(dispatched.stageYellowAt()).isEqualTo(time.at(monday.atTime(11, 0)));
        assertThat(dispatched.stageRedAt()).isEqualTo(time.at(monday.atTime(14, 30)));
    }
}
