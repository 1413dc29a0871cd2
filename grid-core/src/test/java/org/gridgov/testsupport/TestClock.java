package org.gridgov.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of every Spring test context: real time shifted by an offset. It starts at the instant of the system
 * property {@value #START_PROPERTY} (ISO-8601, e.g. {@code 2026-12-04T17:00:00Z}; real time when absent or blank),
 * the same time line for every context of the JVM, and ticks with real time from there. A test may {@link #set} or
 * {@link #advance} it; {@link TestClockReset} puts it back on the JVM's time line after each test.
 */
public final class TestClock extends Clock {

    public static final String START_PROPERTY = "gridgov.test.clock-start";

    private static final Duration START_OFFSET = startOffset(System.getProperty(START_PROPERTY));

    private volatile Duration offset = START_OFFSET;

    /** From now on the clock reads {@code at}, and ticks on from there. */
    public void set(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back on the JVM's time line (the start property's, or real time). */
    public void reset() {
        offset = START_OFFSET;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new InZone(this, zone);
    }

    static Duration startOffset(String start) {
        if (start == null || start.isBlank()) {
            return Duration.ZERO;
        }
        Instant at = Instant.parse(start.trim());
        System.out.println("[gridgov-test] test clocks start at " + at);
        return Duration.between(Instant.now(), at);
    }

    /** This clock seen in another zone: it still moves when the test clock is set or advanced. */
    private static final class InZone extends Clock {

        private final TestClock clock;
        private final ZoneId zone;

        InZone(TestClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}
