package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 回访时限: a closed case's callback is due at 17:30 of the third working day after the day it closed, and the late
 * callbacks are exactly the ones closed before {@link Cases#callbacksLate()} — whatever hour of the day it is.
 */
@DeskIntegrationTest
class CallbackDueIT {

    /** Friday 13 November 2026, 10:00 in China: the third working day after it is Wednesday the 18th. */
    private static final Instant FRIDAY = OffsetDateTime.parse("2026-11-13T10:00:00+08:00").toInstant();
    private static final Instant WEDNESDAY_DUE = OffsetDateTime.parse("2026-11-18T17:30:00+08:00").toInstant();

    @Autowired
    Cases cases;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCallbackIsDueOnTheThirdWorkingDayAndLateAfterIt() {
        assertThat(cases.callbackDueAt(FRIDAY)).isEqualTo(WEDNESDAY_DUE);
        assertThat(cases.callbackDueAt(OffsetDateTime.parse("2026-11-13T23:59:00+08:00").toInstant()))
                .as("the closing day counts, not the hour").isEqualTo(WEDNESDAY_DUE);

        HierarchyFixture fixture = new HierarchyFixture(jdbc);
        long district = fixture.district("469" + (System.nanoTime() % 900 + 100), "回访县");
        long street = fixture.child(district, UnitLevel.STREET, "001", "回访街道");
        long community = fixture.child(street, UnitLevel.COMMUNITY, "001", "回访社区");
        long grid = fixture.child(community, UnitLevel.GRID, "001", "回访一网格");
        clock.set(FRIDAY);
        long closedFriday = closed(grid, FRIDAY);
        long closedMonday = closed(grid, OffsetDateTime.parse("2026-11-16T09:00:00+08:00").toInstant());
        String path = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, community);
        CaseQuery closedHere = CaseQuery.under(path).withStatus(CaseStatus.CLOSED);

        clock.set(WEDNESDAY_DUE.minusSeconds(60));
        assertThat(late(community, closedHere)).as("a minute before the due time").isEmpty();
        clock.set(WEDNESDAY_DUE.plusSeconds(60));
        assertThat(late(community, closedHere)).as("a minute after it").containsExactly(closedFriday);
        // Monday's callback is due on Thursday 17:30: late on Friday morning, with Friday's
        clock.set(OffsetDateTime.parse("2026-11-20T08:00:00+08:00").toInstant());
        assertThat(late(community, closedHere)).containsExactlyInAnyOrder(closedFriday, closedMonday);
        clock.set(OffsetDateTime.parse("2026-11-20T02:00:00+08:00").toInstant());
        assertThat(late(community, closedHere)).as("Thursday 17:30 has passed at 02:00 on Friday too")
                .containsExactlyInAnyOrder(closedFriday, closedMonday);
    }

    private List<Long> late(long unit, CaseQuery query) {
        return DataScopeContext.callAs(hierarchy.scopeOf(unit), () -> cases.search(
                query.closedBefore(cases.callbacksLate()), 0, 50).items().stream().map(CaseView::id).toList());
    }

    private long closed(long grid, Instant at) {
        CaseView filed = DataScopeContext.callAs(hierarchy.scopeOf(grid), () -> cases.report(new NewCase(grid,
                "0101", RequestNature.HELP, CaseChannel.GRID_WORKER, false, "回访路 1 号", null, null, "路灯不亮",
                "王大妈", "13812345678", List.of()), new CaseActor(DeskRole.GRID_WORKER, grid, "grid1")));
        jdbc.update("update desk.case_file set status = 'CLOSED', closed_at = ? where id = ?", Timestamp.from(at),
                filed.id());
        return filed.id();
    }
}
