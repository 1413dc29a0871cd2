package org.gridgov.party;

import java.math.BigDecimal;

import org.gridgov.grid.UnitLevel;

/**
 * Party work coverage of one unit's subtree for a year: tier-1 grids (网格, where branches sit) and how many have a
 * branch at or below them, approved member registrations (per grid), needs and wishes claimed and completed in the
 * year with their hours, evaluations given, and the branches' star scores.
 */
public record CoverageRow(long unitId, String unitName, UnitLevel level, long grids, long gridsWithBranch,
                          int branchPercent, long membersRegistered, BigDecimal membersPerGrid, long itemsClaimed,
                          long itemsCompleted, BigDecimal serviceHours, long evaluations, long branchesScored,
                          BigDecimal averageStars, long fiveStarBranches) {
}
