package org.gridgov.web.archfixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Deliberate violator for ModularityTests: reads the system clock and names a zone itself instead of asking
 * PlatformTime — by calls and by a method reference.
 */
public class WallClockReader {

    LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    Instant now() {
        return Instant.now();
    }

    YearMonth thisMonth() {
        return YearMonth.now();
    }

    long millis() {
        return System.currentTimeMillis();
    }

    Supplier<Clock> clock() {
        return Clock::systemUTC;
    }

    /** Allowed: a duration, not a time of day. */
    long elapsed(long since) {
        return System.nanoTime() - since;
    }
}
