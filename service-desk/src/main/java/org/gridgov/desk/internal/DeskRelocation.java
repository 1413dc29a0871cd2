package org.gridgov.desk.internal;

import org.gridgov.grid.UnitsRelocated;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases and photos keep their grid's path for the data scope; when a restructuring moves a subtree, they move along
 * in the same transaction, so the people now responsible for the grid keep seeing its cases.
 */
@Component
class DeskRelocation {

    private final JdbcTemplate jdbc;

    DeskRelocation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsRelocated moved) {
        for (String table : new String[] {"desk.case_file", "desk.photo"}) {
            jdbc.update("update " + table + " set unit_path = ? || substr(unit_path, ?) where unit_path like ?",
                    moved.newPath(), moved.oldPath().length() + 1, moved.oldPath() + "%");
        }
    }
}
