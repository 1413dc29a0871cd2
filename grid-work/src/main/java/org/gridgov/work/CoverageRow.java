package org.gridgov.work;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.UnitLevel;

/**
 * 走访覆盖 — for one child unit and colour: its households; those due in the period (their due date, counted from
 * the last visit before the period, falls before its end); those visited on time in the period; and those overdue
 * now. {@code unitId} is the parent itself for households that hang directly under it (self-built houses in a grid).
 */
public record CoverageRow(long unitId, String unitName, UnitLevel level, HouseholdTag tag, long households,
                          long due, long visitedOnTime, long overdue) {
}
