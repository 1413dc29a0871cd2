package org.gridgov.web.grid.restructuring;

import java.time.LocalDate;
import java.util.List;

import org.gridgov.grid.RestructuringKind;
import org.gridgov.grid.UnitLevel;
import org.gridgov.web.grid.hierarchy.UnitView;

/** The restructuring API's answers; the names are those of the published OpenAPI schemas. */
final class RestructuringJson {

    private RestructuringJson() {
    }

    /** What a restructuring will do: the units it retires and creates, and every child unit and household moving. */
    record RestructuringPlan(RestructuringKind kind, LocalDate effectiveDate, List<UnitView> retiring,
                             List<PlannedUnit> creating, List<Move> moves) {
    }

    record PlannedUnit(String code, String name, UnitLevel level, Integer gridTier, long parentId) {
    }

    /** A child unit (with its subtree) or a household going from one unit to a planned one. */
    record Move(boolean household, long id, String label, String fromCode, String toCode, long householdsAlong) {
    }

    /** What a restructuring did. */
    record RestructuringResult(long restructuringId, List<UnitView> retired, List<UnitView> created,
                               int unitsReplaced, int householdsMoved) {
    }
}
