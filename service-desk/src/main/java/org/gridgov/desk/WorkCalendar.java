package org.gridgov.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 工作日历 — which days are worked, kept as data: Monday–Friday work and weekends rest unless a listed day says
 * otherwise (public holidays 法定节假日, make-up workdays 调休). Deadlines are computed on it in the platform's zone
 * ({@link org.gridgov.grid.PlatformTime#zone()}).
 */
public interface WorkCalendar {

    boolean isWorkingDay(LocalDate day);

    /** {@code start} plus {@code amount} (zero or more) in {@code unit}; see {@link LimitUnit} for each rule. */
    Instant add(Instant start, int amount, LimitUnit unit);

    /** When a stage started at {@code start} under {@code limit} turns yellow and red. */
    Deadline deadline(Instant start, TimeLimit limit);

    /**
     * The deadline of each stage of a minor category, every stage counted from {@code start}. Throws
     * {@link org.gridgov.grid.NotFoundException} for an unknown code and a domain error for a major category.
     */
    Map<DeadlineStage, Deadline> deadlines(String categoryCode, Instant start);

    /** The listed days of a year, in date order. */
    List<CalendarDayView> year(int year);

    /** Lists {@code day} (or changes its listing); a set day is no longer provisional. */
    CalendarDayView set(LocalDate day, CalendarDayEdit edit, String updatedBy);

    /** Removes a listed day, which then follows the week again; {@link org.gridgov.grid.NotFoundException} if none. */
    void remove(LocalDate day);
}
