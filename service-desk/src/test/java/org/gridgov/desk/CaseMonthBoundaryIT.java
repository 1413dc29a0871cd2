package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
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
 * A case reported at 00:30 on the 1st in Beijing (16:30 UTC on the last day of the month before) counts in the
 * month it was reported in Beijing: in the rollups the trigger keeps, in the recount from the case table, and by
 * month in the breakdown.
 */
@DeskIntegrationTest
class CaseMonthBoundaryIT {

    @Autowired
    Cases cases;
    @Autowired
    CaseStats stats;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;
    @Autowired
    JdbcTemplate jdbc;

    HierarchyFixture fixture;
    long street;
    long grid;
    static int counter;

    @BeforeEach
    void hierarchy() {
        fixture = new HierarchyFixture(jdbc);
        long district = fixture.district(String.valueOf(440100 + (++counter)), "月界县" + counter);
        street = fixture.child(district, UnitLevel.STREET, "001", "月界街道");
        long community = fixture.child(street, UnitLevel.COMMUNITY, "001", "月界社区");
        grid = fixture.child(community, UnitLevel.GRID, "001", "月界一网格");
    }

    <T> T as(long unitId, Supplier<T> work) {
        return DataScopeContext.callAs(fixture.scope(unitId), work);
    }

    @Test
    void aCaseReportedAtHalfPastMidnightOnTheFirstCountsInThatMonth() {
        clock.set(time.at(LocalDateTime.of(2027, 1, 1, 0, 30)));
        assertThat(YearMonth.from(time.now().atZone(ZoneOffset.UTC))).isEqualTo(YearMonth.of(2026, 12));
        as(grid, () -> cases.report(new NewCase(grid, "0101", RequestNature.HELP, CaseChannel.GRID_WORKER, false,
                "月界路 1 号", null, null, "新年第一件", null, null, List.of()),
                new CaseActor(DeskRole.GRID_WORKER, grid, "grid-month")));

        YearMonth january = YearMonth.of(2027, 1);
        YearMonth december = YearMonth.of(2026, 12);
        assertThat(received(january, january, false)).isEqualTo(1);
        assertThat(received(january, january, true)).isEqualTo(1);
        assertThat(received(december, december, false)).isZero();
        assertThat(received(december, december, true)).isZero();
        StatsQuery byMonth = new StatsQuery(street, december, january, StatsGrouping.MONTH, null, null);
        assertThat(as(street, () -> stats.breakdown(byMonth))).extracting(FigureRow::key, r -> r.figures().received())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-12", 0L),
                        org.assertj.core.groups.Tuple.tuple("2027-01", 1L));
        assertThat(as(street, () -> stats.recount(byMonth))).extracting(FigureRow::key, r -> r.figures().received())
                .contains(org.assertj.core.groups.Tuple.tuple("2027-01", 1L));
    }

    private long received(YearMonth from, YearMonth to, boolean recount) {
        StatsQuery query = new StatsQuery(street, from, to, null, null, null);
        return as(street, () -> recount ? stats.recountTotal(query) : stats.total(query)).received();
    }
}
