package org.gridgov.grid;

import java.time.LocalDate;
import java.util.Map;

/**
 * Counts in a unit's subtree (the unit itself excluded): units per level — grids per tier under the keys
 * {@code GRID_1}, {@code GRID_2}, {@code GRID_3} — households and residents. {@code asOf} null means today.
 */
public record UnitSummary(long unitId, LocalDate asOf, Map<String, Long> unitsByLevel, long households,
                          long residents) {
}
