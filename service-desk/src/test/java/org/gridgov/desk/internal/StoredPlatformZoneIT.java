package org.gridgov.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskIntegrationTest;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The stored zone follows {@code gridgov.time-zone}: a start-up with another zone rewrites it and rebuilds the
 * rollups in the new zone's months; the same zone again changes nothing.
 */
@DeskIntegrationTest
class StoredPlatformZoneIT {

    @Autowired
    StoredPlatformZone configured;
    @Autowired
    Cases cases;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void storeTheConfiguredZoneAgain() {
        configured.store();
    }

    @Test
    void anotherZoneIsStoredAndTheRollupsAreCountedInItsMonths() {
        HierarchyFixture fixture = new HierarchyFixture(jdbc);
        long district = fixture.district("450101", "换区县");
        long street = fixture.child(district, UnitLevel.STREET, "001", "换区街道");
        long grid = fixture.child(fixture.child(street, UnitLevel.COMMUNITY, "001", "换区社区"), UnitLevel.GRID, "001",
                "换区一网格");
        clock.set(time.at(LocalDateTime.of(2027, 3, 1, 0, 30)));
        DataScopeContext.callAs(fixture.scope(grid), () -> cases.report(new NewCase(grid, "0101", RequestNature.HELP,
                CaseChannel.GRID_WORKER, false, "换区路 1 号", null, null, "三月一日凌晨", null, null, List.of()),
                new CaseActor(DeskRole.GRID_WORKER, grid, "grid-zone")));
        assertThat(configured.store()).as("the configured zone is already stored").isFalse();
        assertThat(rollupMonthsOf(grid)).containsExactly(LocalDate.of(2027, 3, 1));

        StoredPlatformZone utc = new StoredPlatformZone(jdbc, new PlatformTime(clock, ZoneId.of("UTC")), transactions);
        assertThat(utc.store()).isTrue();
        assertThat(storedZone()).isEqualTo("UTC");
        assertThat(rollupMonthsOf(grid)).as("16:30 UTC on 28 February").containsExactly(LocalDate.of(2027, 2, 1));

        assertThat(configured.store()).isTrue();
        assertThat(storedZone()).isEqualTo(time.zone().getId());
        assertThat(rollupMonthsOf(grid)).containsExactly(LocalDate.of(2027, 3, 1));
    }

    @Test
    void aZoneThatPostgresReadsDifferentlyStopsTheStart() {
        // Java reads "GMT+8" as eight hours east; PostgreSQL's POSIX rule reads it as eight hours west
        StoredPlatformZone posix = new StoredPlatformZone(jdbc, new PlatformTime(clock, ZoneId.of("GMT+8")),
                transactions);
        assertThatThrownBy(posix::store).isInstanceOf(IllegalStateException.class).hasMessageContaining("GMT+08:00");
        assertThat(storedZone()).isEqualTo(time.zone().getId());
    }

    private String storedZone() {
        return jdbc.queryForObject("select time_zone from app.platform_setting", String.class);
    }

    private List<LocalDate> rollupMonthsOf(long unitId) {
        return jdbc.queryForList("select month from desk.case_rollup_current where unit_id = ?"
                + " and category = '*' and channel = '*' group by month having sum(received) > 0 order by month", LocalDate.class, unitId);
    }
}
