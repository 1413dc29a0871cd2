package org.gridgov.work;

/**
 * What became of a batch: points kept, points dropped as absurd (poor accuracy, impossible speed, out of time), the
 * patrol's point count now, and whether the batch had been taken before (a resend: nothing added).
 */
public record PatrolPointsResult(int accepted, int rejected, int pointCount, boolean duplicate) {
}
