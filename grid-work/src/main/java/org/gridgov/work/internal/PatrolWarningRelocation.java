package org.gridgov.work.internal;

import org.gridgov.grid.UnitsRelocated;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Patrols, warnings, their targets and door-knock tasks keep their unit's path for the data scope; when a
 * restructuring moves a subtree they move along in the same transaction, so a grid's open tasks and patrol log
 * follow the grid to its new community.
 */
@Component
class PatrolWarningRelocation {

    private final JdbcTemplate jdbc;

    PatrolWarningRelocation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsRelocated moved) {
        for (String table : new String[] {"work.patrol", "work.warning", "work.warning_target",
                "work.door_knock_task"}) {
            jdbc.update("update " + table + " set unit_path = ? || substr(unit_path, ?) where unit_path like ?",
                    moved.newPath(), moved.oldPath().length() + 1, moved.oldPath() + "%");
        }
    }
}
