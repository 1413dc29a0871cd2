package org.gridgov.work;

import java.time.Instant;

/**
 * Published as a Spring application event, inside the transaction that stores it, when a grid worker records a
 * household visit.
 *
 * @param onTime whether the household was visited within its colour's interval (it was not overdue when visited)
 */
public record VisitRecorded(long visitId, long householdId, long gridUnitId, String gridPath, long recordedByUserId,
        boolean onTime, Instant visitedAt) {
}
