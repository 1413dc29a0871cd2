package org.gridgov.desk;

import java.time.Instant;

/** A case as stored: identity, place, state, assignment and counters. */
public record CaseView(long id, String code, long gridUnitId, String address, Double lat, Double lng,
                       String description, CaseStatus status, long version, HandlingLevel level, Assignee assignee,
                       Integer pendingExtensionDays, int reworkCount, int escalationCount, int extensionCount,
                       int extendedDays, int reopenCount, SupervisionLevel supervision, boolean handledOnSpot,
                       Satisfaction callback, Instant reportedAt, Instant updatedAt) {
}
