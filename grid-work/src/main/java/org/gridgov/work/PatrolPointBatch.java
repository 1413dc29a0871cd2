package org.gridgov.work;

import java.util.List;

/** Points sent together by the browser; {@code batchId} makes a resend harmless (the batch is taken once). */
public record PatrolPointBatch(String batchId, List<PatrolPoint> points) {

    public PatrolPointBatch {
        points = points == null ? List.of() : List.copyOf(points);
    }
}
