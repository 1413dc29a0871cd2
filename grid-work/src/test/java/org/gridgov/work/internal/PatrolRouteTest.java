package org.gridgov.work.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.gridgov.work.PatrolPoint;
import org.junit.jupiter.api.Test;

class PatrolRouteTest {

    static final Instant START = Instant.parse("2026-11-26T01:00:00Z");
    static final Instant NOW = START.plusSeconds(3600);

    static PatrolPoint at(int seconds, double lat, double lng, Double accuracy) {
        return new PatrolPoint(START.plusSeconds(seconds), lat, lng, accuracy);
    }

    @Test
    void keepsPlausiblePointsInTimeOrderAndDropsPoorFixesJumpsAndStrays() {
        List<PatrolPoint> kept = PatrolRoute.keep(null, List.of(
                at(60, 32.9910, 112.528, 10.0),
                at(0, 32.9900, 112.528, 10.0),
                at(30, 32.9950, 112.528, 800.0),      // cell-tower fix
                at(70, 33.5000, 112.528, 5.0),        // 56 km in 10 s
                at(80, 0, 0, 5.0),                    // null island
                at(-600, 32.9900, 112.528, 5.0),      // long before the start
                at(7200 + 600, 32.9912, 112.528, 5.0), // in the future
                at(90, 32.9912, 112.528, null)), START, NOW);
        assertThat(kept).extracting(PatrolPoint::recordedAt)
                .containsExactly(START, START.plusSeconds(60), START.plusSeconds(90));
    }

    @Test
    void comparesTheFirstPointOfABatchWithTheLastKeptOne() {
        PatrolPoint last = at(100, 32.9900, 112.528, 5.0);
        assertThat(PatrolRoute.keep(last, List.of(at(100, 32.9901, 112.528, 5.0), at(101, 32.9990, 112.528, 5.0),
                at(120, 32.9905, 112.528, 5.0)), START, NOW)).extracting(PatrolPoint::recordedAt)
                .containsExactly(START.plusSeconds(120));
    }

    @Test
    void measuresTheRouteOnTheEllipsoid() {
        // one minute of latitude is about 1,848 m at 33° N on WGS-84 (a sphere would say 1,853 m)
        List<PatrolPoint> route = List.of(at(0, 33.0, 112.5, 5.0), at(600, 33.0 + 1.0 / 60, 112.5, 5.0));
        assertThat(PatrolRoute.length(route)).isCloseTo(1848.4, within(1.0));
        assertThat(PatrolRoute.length(List.of(route.get(0)))).isZero();
    }
}
