package org.gridgov.party;

import java.time.Instant;

/** A branch's five-star score for a year. */
public record StarScoreView(long organizationId, String organizationName, int year, boolean strongBranch,
                            boolean coBuilding, boolean safetyLaw, boolean harmony, boolean prosperity, int stars,
                            String scoredBy, Instant scoredAt) {
}
