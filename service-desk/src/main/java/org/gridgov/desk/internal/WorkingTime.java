package org.gridgov.desk.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.gridgov.desk.DayKind;
import org.gridgov.desk.Deadline;
import org.gridgov.desk.LimitUnit;
import org.gridgov.desk.TimeLimit;

/**
 * The arithmetic of the work calendar on a fixed set of listed days: which days are worked, and what a time limit
 * adds to an instant, office hours and days counted in the platform's zone. Immutable; the service builds a new one
 * after every edit.
 */
final class WorkingTime {

    /** Office hours: 09:00–12:00 and 13:30–17:30, seven hours a working day. */
    static final List<LocalTime[]> OFFICE_HOURS = List.of(
            new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(12, 0)},
            new LocalTime[] {LocalTime.of(13, 30), LocalTime.of(17, 30)});

    static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 30);

    /** The close of the morning period, where an odd number of working half-days ends. */
    static final LocalTime MORNING_CLOSE = LocalTime.of(12, 0);

    /** No real calendar rests this long; a guard against an endless search on a corrupt one. */
    private static final int MAX_REST_RUN = 366;

    private final Map<LocalDate, DayKind> listed;
    private final ZoneId zone;

    WorkingTime(Map<LocalDate, DayKind> listed, ZoneId zone) {
        this.listed = Map.copyOf(listed);
        this.zone = zone;
    }

    boolean isWorkingDay(LocalDate day) {
        DayKind kind = listed.get(day);
        if (kind != null) {
            return kind == DayKind.MAKEUP_WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    Deadline deadline(Instant start, TimeLimit limit) {
        return new Deadline(add(start, limit.yellow(), limit.unit()), add(start, limit.red(), limit.unit()));
    }

    Instant add(Instant start, int amount, LimitUnit unit) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        return switch (unit) {
            case URGENT_MINUTES -> start.plus(Duration.ofMinutes(amount));
            case URGENT_HOURS -> start.plus(Duration.ofHours(amount));
            case NATURAL_DAYS -> start.atZone(zone).plusDays(amount).toInstant();
            case WORKING_DAYS -> amount == 0 ? start : addHalfDays(start, 2 * amount);
            case WORKING_HALF_DAYS -> amount == 0 ? start : addHalfDays(start, amount);
            case WORKING_MINUTES -> addWorkingTime(start, Duration.ofMinutes(amount));
            case WORKING_HOURS -> addWorkingTime(start, Duration.ofHours(amount));
        };
    }

    /**
     * The close of the {@code halves}-th office period (12:00, then 17:30) of the working days after the start's day
     * (the start's own day never counts): an even count ends at 17:30 of a working day, as whole working days do.
     */
    private Instant addHalfDays(Instant start, int halves) {
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < (halves + 1) / 2; i++) {
            day = nextWorkingDay(day);
        }
        LocalTime close = halves % 2 == 0 ? CLOSE_OF_BUSINESS : MORNING_CLOSE;
        return day.atTime(close).atZone(zone).toInstant();
    }

    LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; !isWorkingDay(next); i++) {
            if (i > MAX_REST_RUN) {
                throw new IllegalStateException("no working day within a year after " + day);
            }
            next = next.plusDays(1);
        }
        return next;
    }

    /** Consumes office hours of working days from {@code start} on; ends exactly at a period's close if it fits. */
    private Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isZero()) {
            return start;
        }
        LocalDateTime at = start.atZone(zone).toLocalDateTime();
        LocalDate day = at.toLocalDate();
        LocalTime from = at.toLocalTime();
        Duration left = amount;
        for (int i = 0; i <= MAX_REST_RUN + amount.toHours(); i++) {
            if (isWorkingDay(day)) {
                for (LocalTime[] period : OFFICE_HOURS) {
                    LocalTime begin = from.isAfter(period[0]) ? from : period[0];
                    if (begin.isBefore(period[1])) {
                        Duration available = Duration.between(begin, period[1]);
                        if (left.compareTo(available) <= 0) {
                            return day.atTime(begin).plus(left).atZone(zone).toInstant();
                        }
                        left = left.minus(available);
                    }
                }
            }
            day = day.plusDays(1);
            from = LocalTime.MIN;
        }
        throw new IllegalStateException("no working time found after " + start);
    }
}
