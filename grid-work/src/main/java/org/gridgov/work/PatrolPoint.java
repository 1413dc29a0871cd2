package org.gridgov.work;

import java.time.Instant;

/** A position the browser recorded during a patrol (WGS-84), with its accuracy in metres if known. */
public record PatrolPoint(Instant recordedAt, double lat, double lng, Double accuracy) {
}
