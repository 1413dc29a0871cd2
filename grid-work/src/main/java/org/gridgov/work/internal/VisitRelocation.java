package org.gridgov.work.internal;

import org.gridgov.grid.UnitsRelocated;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Visits keep the path of the grid they were made in; when a restructuring moves that subtree, they move along in
 * the same transaction (as cases do), so coverage by path stays with the grid's new place. Who may see a visit
 * follows its household, which grid-core moves itself.
 */
@Component
class VisitRelocation {

    private final JdbcTemplate jdbc;

    VisitRelocation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsRelocated moved) {
        jdbc.update("update work.visit set grid_path = ? || substr(grid_path, ?) where grid_path like ?",
                moved.newPath(), moved.oldPath().length() + 1, moved.oldPath() + "%");
    }
}
