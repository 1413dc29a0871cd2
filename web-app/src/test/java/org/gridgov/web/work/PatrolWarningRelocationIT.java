package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.MoveCommand;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.Restructurings;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.work.DoorKnockTaskView;
import org.gridgov.work.NewWarning;
import org.gridgov.work.PatrolView;
import org.gridgov.work.PatrolWorker;
import org.gridgov.work.Patrols;
import org.gridgov.work.Warnings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Door-knock tasks and patrols follow their grid when a restructuring moves it to another parent. */
@GridGovIntegrationTest
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
        long community1 = jdbc.queryForObject("select unit_id from app.user_account where username = 'community1'",
                Long.class);
        long district = jdbc.queryForObject("select unit_id from app.user_account where username = 'admin'",
                Long.class);
        // grids of a community no other test restructures
        long otherCommunity = jdbc.queryForObject("select min(id) from grid.unit where level = 'COMMUNITY'"
                + " and valid_to is null and id <> ?", Long.class, community1);
        long tierOne = jdbc.queryForObject("select min(id) from grid.unit where parent_id = ? and level = 'GRID'"
                + " and valid_to is null", Long.class, otherCommunity);
        long otherTierOne = jdbc.queryForObject("select max(id) from grid.unit where parent_id = ?"
                + " and level = 'GRID' and valid_to is null", Long.class, otherCommunity);
        long moving = jdbc.queryForObject("select min(g.id) from grid.unit g where g.parent_id = ?"
                + " and g.level = 'GRID' and g.valid_to is null and exists (select 1 from grid.household h"
                + " where h.unit_path like g.path || '%')", Long.class, tierOne);
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
