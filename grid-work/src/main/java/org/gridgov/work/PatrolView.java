package org.gridgov.work;

import java.time.Instant;

/** 巡查 — a patrol of one grid worker in one grid: running while {@code endedAt} is null. */
public record PatrolView(long id, String username, String workerName, long gridUnitId, String gridName,
                         Instant startedAt, Instant endedAt, Double distanceMetres, int pointCount, int caseCount,
                         long version) {

    public boolean running() {
        return endedAt == null;
    }

    /** Minutes from start to end (or to now while running is not known here: null). */
    public Long durationMinutes() {
        return endedAt == null ? null : java.time.Duration.between(startedAt, endedAt).toMinutes();
    }
}
