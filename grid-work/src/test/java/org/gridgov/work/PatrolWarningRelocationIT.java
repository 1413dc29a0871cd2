package org.gridgov.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.MoveCommand;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.Restructurings;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Door-knock tasks and patrols follow their grid when a restructuring moves it to another parent. */
@WorkIntegrationTest
class PatrolWarningRelocationIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    Restructurings restructurings;
    @Autowired
    Warnings warnings;
    @Autowired
    Patrols patrols;
    @Autowired
    PlatformTime time;

    <T> T as(long unitId, Supplier<T> work) {
        return DataScopeContext.callAs(hierarchy.scopeOf(unitId), work);
    }

    @Test
    void tasksAndPatrolsFollowTheirGridThroughAMove() {
        // a county of its own: a community with two tier-1 grids, the first with a tier-2 grid and its household
        HierarchyFixture fixture = new HierarchyFixture(jdbc);
        long district = fixture.district("480101", "划转县");
        long street = fixture.child(district, UnitLevel.STREET, "001", "划转街道");
        long otherCommunity = fixture.child(street, UnitLevel.COMMUNITY, "001", "划转社区");
        long tierOne = fixture.child(otherCommunity, UnitLevel.GRID, "001", "划出网格");
        long otherTierOne = fixture.child(otherCommunity, UnitLevel.GRID, "002", "划入网格");
        long moving = fixture.child(tierOne, UnitLevel.GRID, "001", "待划转网格");
        fixture.household(moving, 1, 101, "划转路 1 号");
        assertThat(tierOne).isNotEqualTo(otherTierOne);

        long warningId = as(district, () -> warnings.issue(new NewWarning("划转前预警", "请关好门窗", List.of(moving),
                null, null, time.now().plusSeconds(86_400)), district, "admin")).id();
        PatrolWorker worker = new PatrolWorker(990_001L, "gw-moving", "划转网格员");
        PatrolView patrol = as(moving, () -> patrols.start(worker, moving));

        as(otherCommunity, () -> restructurings.move(new MoveCommand(moving, otherTierOne, time.today(), "976",
                null, "测试划转"), "tester"));
        long successor = jdbc.queryForObject("select max(successor_id) from grid.unit_succession"
                + " where predecessor_id = ?", Long.class, moving);
        String newPath = hierarchy.scopeOf(successor).path();

        assertThat(jdbc.queryForObject("select count(*) from work.door_knock_task where warning_id = ?"
                + " and not unit_path like ?", Long.class, warningId, newPath + "%")).isZero();
        List<DoorKnockTaskView> seen = as(successor, () -> warnings.tasks(false, 1000)).stream()
                .filter(t -> t.warningId() == warningId).toList();
        assertThat((long) seen.size()).isEqualTo(jdbc.queryForObject("select total_tasks from work.warning"
                + " where id = ?", Long.class, warningId)).isPositive();
        assertThat(as(tierOne, () -> warnings.tasks(false, 1000))).noneMatch(t -> t.warningId() == warningId);
        assertThat(jdbc.queryForObject("select unit_path from work.patrol where id = ?", String.class, patrol.id()))
                .isEqualTo(newPath);
        assertThat(as(successor, () -> patrols.get(patrol.id())).patrol().id()).isEqualTo(patrol.id());
        as(successor, () -> patrols.end(patrol.id(), worker));
    }
}
