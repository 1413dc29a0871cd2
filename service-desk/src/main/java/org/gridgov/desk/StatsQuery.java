package org.gridgov.desk;

import java.time.YearMonth;

/**
 * Figures for the subtree of a unit (in the caller's scope) over the months [from, to] (both inclusive, in the
 * platform's zone), broken down by {@code groupBy}; {@code category} (a major or minor code) and {@code channel}
 * filter, null for any.
 */
public record StatsQuery(long unitId, YearMonth from, YearMonth to, StatsGrouping groupBy, String category,
                         CaseChannel channel) {
}
