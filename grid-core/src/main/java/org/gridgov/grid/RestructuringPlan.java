package org.gridgov.grid;

import java.time.LocalDate;
import java.util.List;

/**
 * What a restructuring will do, shown before it is confirmed: the units it retires, the units it creates, and every
 * child unit and household that moves (with the size of what moves along with a child unit).
 */
public record RestructuringPlan(RestructuringKind kind, LocalDate effectiveDate, List<UnitView> retiring,
                                List<PlannedUnit> creating, List<Move> moves) {

    public record PlannedUnit(String code, String name, UnitLevel level, Integer gridTier, long parentId) {
    }

    /** A child unit (with its subtree) or a household going from one unit to a planned one. */
    public record Move(boolean household, long id, String label, String fromCode, String toCode,
                       long householdsAlong) {
    }

    public long householdCount() {
        return moves.stream().mapToLong(m -> m.household() ? 1 : m.householdsAlong()).sum();
    }
}
