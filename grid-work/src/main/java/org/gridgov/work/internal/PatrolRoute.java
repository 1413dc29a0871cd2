package org.gridgov.work.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.sf.geographiclib.Geodesic;
import org.gridgov.work.PatrolPoint;

/**
 * The route rules: which recorded positions to keep (the browser reports what the device says, including the first
 * rough cell-tower fixes and the odd jump across town) and how long the kept route is on the WGS-84 ellipsoid.
 */
final class PatrolRoute {

    /** A fix less accurate than this says little about where the worker walked. */
    static final double MAX_ACCURACY_M = 100;
    /** Faster than 30 m/s (108 km/h) from the last kept point is a jump of the fix, not a grid worker. */
    static final double MAX_SPEED_M_S = 30;
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private PatrolRoute() {
    }

    /**
     * The points worth keeping, in time order: within the patrol's time (start minus skew up to now plus skew),
     * accurate enough, after the last kept point and no faster than a vehicle in town from it.
     */
    static List<PatrolPoint> keep(PatrolPoint last, List<PatrolPoint> batch, Instant startedAt, Instant now) {
        List<PatrolPoint> sorted = new ArrayList<>(batch);
        sorted.removeIf(p -> p == null || p.recordedAt() == null);
        sorted.sort(Comparator.comparing(PatrolPoint::recordedAt));
        List<PatrolPoint> kept = new ArrayList<>();
        PatrolPoint previous = last;
        for (PatrolPoint p : sorted) {
            if (!plausible(p, startedAt, now)) {
                continue;
            }
            if (previous != null) {
                long millis = Duration.between(previous.recordedAt(), p.recordedAt()).toMillis();
                if (millis <= 0 || distance(previous, p) / (millis / 1000.0) > MAX_SPEED_M_S) {
                    continue;
                }
            }
            kept.add(p);
            previous = p;
        }
        return kept;
    }

    private static boolean plausible(PatrolPoint p, Instant startedAt, Instant now) {
        boolean inRange = p.lat() >= -90 && p.lat() <= 90 && p.lng() >= -180 && p.lng() <= 180
                && !(p.lat() == 0 && p.lng() == 0);
        boolean accurate = p.accuracy() == null || (p.accuracy() >= 0 && p.accuracy() <= MAX_ACCURACY_M);
        boolean inTime = !p.recordedAt().isBefore(startedAt.minus(CLOCK_SKEW))
                && !p.recordedAt().isAfter(now.plus(CLOCK_SKEW));
        return inRange && accurate && inTime;
    }

    /** Geodesic distance in metres (WGS-84). */
    static double distance(PatrolPoint a, PatrolPoint b) {
        return Geodesic.WGS84.Inverse(a.lat(), a.lng(), b.lat(), b.lng()).s12;
    }

    /** The length of a route in time order, in metres. */
    static double length(List<PatrolPoint> route) {
        double metres = 0;
        for (int i = 1; i < route.size(); i++) {
            metres += distance(route.get(i - 1), route.get(i));
        }
        return metres;
    }
}
