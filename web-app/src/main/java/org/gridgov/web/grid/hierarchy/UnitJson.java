package org.gridgov.web.grid.hierarchy;

import java.util.Map;

import org.gridgov.grid.StaffPost;

/** The hierarchy API's answers other than a unit itself; the names are those of the published OpenAPI schemas. */
final class UnitJson {

    private UnitJson() {
    }

    /** A child unit with the sizes of its subtree. */
    record ChildUnit(UnitView unit, long subUnits, long households, long residents) {
    }

    /** Counts in a unit's subtree: units per level (grids per tier), households and residents. */
    record UnitSummary(long unitId, java.time.LocalDate asOf, Map<String, Long> unitsByLevel, long households,
                       long residents) {
    }

    /** A member of a grid's staff; the phone is masked. */
    record StaffView(long id, long unitId, StaffPost post, String name, String phoneMasked, String username) {
    }
}
