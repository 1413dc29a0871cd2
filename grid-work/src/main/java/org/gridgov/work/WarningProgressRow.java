package org.gridgov.work;

import org.gridgov.grid.UnitLevel;

/**
 * A warning's tasks in one unit's subtree by status. {@code unitId} null: households hanging directly on the unit
 * asked about (no child unit between).
 */
public record WarningProgressRow(Long unitId, String unitName, UnitLevel level, long total, long reached,
                                 long notHome, long refused, long open, long expired) {

    public long done() {
        return reached + notHome + refused;
    }

    /** Done in per cent of all tasks, rounded down (0 without tasks). */
    public int percentDone() {
        return total == 0 ? 0 : (int) Math.floor(100.0 * done() / total);
    }
}
