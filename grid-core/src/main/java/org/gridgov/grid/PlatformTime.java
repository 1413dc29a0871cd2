package org.gridgov.grid;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * 平台时间 — the platform's one "now": the instant from the injected {@link Clock} and the local date, month and year
 * in the platform's zone ({@code gridgov.time-zone}, Asia/Shanghai unless configured). Every module asks this for
 * "today", "this month", deadlines and the zone of what it shows; nothing else reads the system clock or names a zone,
 * so a test that moves the clock moves the whole platform.
 */
public final class PlatformTime {

    private final Clock clock;
    private final ZoneId zone;

    public PlatformTime(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The current instant. */
    public Instant now() {
        return clock.instant();
    }

    /** The platform's zone: local dates, months, years, office hours and deadlines are counted in it. */
    public ZoneId zone() {
        return zone;
    }

    /** The clock in the platform's zone, for code that takes a {@link Clock} (it moves with the injected one). */
    public Clock clock() {
        return clock.withZone(zone);
    }

    public LocalDate today() {
        return dateOf(now());
    }

    public LocalDateTime localNow() {
        return localOf(now());
    }

    public YearMonth thisMonth() {
        return monthOf(now());
    }

    public int thisYear() {
        return today().getYear();
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(dateOf(instant));
    }

    public LocalDateTime localOf(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** The instant a local date-time of the platform's zone stands for. */
    public Instant at(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }

    /** The first instant of a local day. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant of a month. */
    public Instant startOf(YearMonth month) {
        return startOf(month.atDay(1));
    }

    @Override
    public String toString() {
        return "PlatformTime[" + zone + ", " + clock + "]";
    }
}
