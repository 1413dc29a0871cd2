package org.gridgov.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.desk.CalendarDayEdit;
import org.gridgov.desk.CalendarDayView;
import org.gridgov.desk.DayKind;
import org.gridgov.desk.Deadline;
import org.gridgov.desk.DeadlineColour;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.LimitUnit;
import org.gridgov.desk.TimeLimit;
import org.gridgov.desk.WorkCalendar;
import org.junit.jupiter.api.Test;

/** The arithmetic on a hand-made calendar: the 2025 National Day and Mid-Autumn holiday with its make-up days. */
class WorkingTimeTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static WorkingTime nationalDay2025() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (LocalDate d = LocalDate.of(2025, 10, 1); !d.isAfter(LocalDate.of(2025, 10, 8)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2025, 9, 28), DayKind.MAKEUP_WORKDAY);
        days.put(LocalDate.of(2025, 10, 11), DayKind.MAKEUP_WORKDAY);
        return new WorkingTime(days, CHINA);
    }

    final WorkingTime time = nationalDay2025();

    static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2025, month, day, hour, minute).atZone(CHINA).toInstant();
    }

    @Test
    void weekdaysWorkWeekendsRestAndListedDaysOverrideTheWeek() {
        assertThat(time.isWorkingDay(LocalDate.of(2025, 9, 26))).isTrue();   // Friday
        assertThat(time.isWorkingDay(LocalDate.of(2025, 9, 27))).isFalse();  // Saturday
        assertThat(time.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();   // Sunday, make-up
        assertThat(time.isWorkingDay(LocalDate.of(2025, 10, 6))).isFalse();  // Monday, holiday
        assertThat(time.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();  // Saturday, make-up
        assertThat(time.isWorkingDay(LocalDate.of(2025, 10, 12))).isFalse(); // Sunday
    }

    @Test
    void workingDaysEndAtCloseOfBusinessOfTheNthWorkingDayAfterTheStartDay() {
        // Fri 26 → Sun 28 (make-up, 1) → Mon 29 (2) → Tue 30 (3)
        assertThat(time.add(at(9, 26, 10, 0), 3, LimitUnit.WORKING_DAYS)).isEqualTo(at(9, 30, 17, 30));
        // an evening report counts from the next working day all the same
        assertThat(time.add(at(9, 26, 22, 0), 1, LimitUnit.WORKING_DAYS)).isEqualTo(at(9, 28, 17, 30));
        // Tue 30 → 1–8 Oct off → Thu 9 (1) → Fri 10 (2) → Sat 11 (make-up, 3)
        assertThat(time.add(at(9, 30, 10, 0), 2, LimitUnit.WORKING_DAYS)).isEqualTo(at(10, 10, 17, 30));
        assertThat(time.add(at(9, 30, 10, 0), 3, LimitUnit.WORKING_DAYS)).isEqualTo(at(10, 11, 17, 30));
        // started on a holiday: the next working day is the first
        assertThat(time.add(at(10, 3, 9, 0), 1, LimitUnit.WORKING_DAYS)).isEqualTo(at(10, 9, 17, 30));
    }

    @Test
    void workingHoursSkipLunchNightsWeekendsAndHolidays() {
        assertThat(time.add(at(9, 29, 11, 0), 2, LimitUnit.WORKING_HOURS)).isEqualTo(at(9, 29, 14, 30));
        assertThat(time.add(at(9, 29, 16, 30), 2, LimitUnit.WORKING_HOURS)).isEqualTo(at(9, 30, 10, 0));
        assertThat(time.add(at(9, 30, 16, 30), 2, LimitUnit.WORKING_HOURS)).isEqualTo(at(10, 9, 10, 0));
        // a full office day is seven hours
        assertThat(time.add(at(9, 29, 9, 0), 7, LimitUnit.WORKING_HOURS)).isEqualTo(at(9, 29, 17, 30));
        assertThat(time.add(at(9, 29, 9, 0), 3, LimitUnit.WORKING_HOURS)).isEqualTo(at(9, 29, 12, 0));
    }

    @Test
    void theDayOfAStartIsItsDayInTheCalendarsZoneAtOneMinutePastAndToMidnight() {
        // 00:01 on Monday 29 September in China is 16:01 UTC on Sunday: one working day runs to Tuesday's close
        assertThat(time.add(at(9, 29, 0, 1), 1, LimitUnit.WORKING_DAYS)).isEqualTo(at(9, 30, 17, 30));
        assertThat(time.add(at(9, 29, 0, 1), 2, LimitUnit.WORKING_HOURS)).isEqualTo(at(9, 29, 11, 0));
        // 23:59 on Friday 26th: the next working day is the make-up Sunday, not Saturday nor Monday
        assertThat(time.add(at(9, 26, 23, 59), 1, LimitUnit.WORKING_DAYS)).isEqualTo(at(9, 28, 17, 30));
        // the same listed days counted in UTC would put that Monday start on Sunday
        WorkingTime utc = new WorkingTime(Map.of(), java.time.ZoneOffset.UTC);
        assertThat(utc.add(at(9, 29, 0, 1), 2, LimitUnit.WORKING_HOURS)).isNotEqualTo(at(9, 29, 11, 0));
    }

    @Test
    void workingHoursStartedOutsideOfficeHoursStartAtTheNextOpening() {
        assertThat(time.add(at(9, 29, 12, 30), 1, LimitUnit.WORKING_HOURS)).isEqualTo(at(9, 29, 14, 30));
        assertThat(time.add(at(9, 29, 7, 0), 1, LimitUnit.WORKING_HOURS)).isEqualTo(at(9, 29, 10, 0));
        // Friday night → Saturday off → Sunday 28 is a make-up workday
        assertThat(time.add(at(9, 26, 20, 0), 1, LimitUnit.WORKING_HOURS)).isEqualTo(at(9, 28, 10, 0));
    }

    @Test
    void urgentMinutesRunAroundTheClockThroughHolidays() {
        // 23:45 on the last working day before the holiday: 30 minutes end on the holiday itself
        assertThat(time.add(at(9, 30, 23, 45), 30, LimitUnit.URGENT_MINUTES)).isEqualTo(at(10, 1, 0, 15));
        assertThat(time.add(at(10, 2, 3, 10), 1440, LimitUnit.URGENT_MINUTES)).isEqualTo(at(10, 3, 3, 10));
        assertThat(time.add(at(10, 2, 3, 10), 60, LimitUnit.URGENT_MINUTES))
                .isEqualTo(time.add(at(10, 2, 3, 10), 1, LimitUnit.URGENT_HOURS));
    }

    @Test
    void workingMinutesCountOfficeTimeLikeWorkingHours() {
        // 11:40: 20 minutes before lunch, 10 after it
        assertThat(time.add(at(9, 29, 11, 40), 30, LimitUnit.WORKING_MINUTES)).isEqualTo(at(9, 29, 13, 40));
        // used up exactly at noon: due at noon, not at the afternoon opening
        assertThat(time.add(at(9, 29, 11, 30), 30, LimitUnit.WORKING_MINUTES)).isEqualTo(at(9, 29, 12, 0));
        // Tuesday 17:15 before the holiday → Thursday 9 October 09:15
        assertThat(time.add(at(9, 30, 17, 15), 30, LimitUnit.WORKING_MINUTES)).isEqualTo(at(10, 9, 9, 15));
        for (Instant start : new Instant[] {at(9, 26, 16, 50), at(9, 29, 11, 10), at(10, 4, 12, 0)}) {
            assertThat(time.add(start, 60, LimitUnit.WORKING_MINUTES))
                    .isEqualTo(time.add(start, 1, LimitUnit.WORKING_HOURS));
        }
    }

    @Test
    void workingHalfDaysEndAtNoonOrCloseAndTwoMakeAWorkingDay() {
        // Fri 26 → Sun 28 (make-up): noon is the first half-day, 17:30 the second
        assertThat(time.add(at(9, 26, 10, 0), 1, LimitUnit.WORKING_HALF_DAYS)).isEqualTo(at(9, 28, 12, 0));
        assertThat(time.add(at(9, 26, 10, 0), 2, LimitUnit.WORKING_HALF_DAYS)).isEqualTo(at(9, 28, 17, 30));
        assertThat(time.add(at(9, 26, 10, 0), 3, LimitUnit.WORKING_HALF_DAYS)).isEqualTo(at(9, 29, 12, 0));
        // Tue 30 at 08:00 → the holiday → Thu 9 October at noon
        assertThat(time.add(at(9, 30, 8, 0), 1, LimitUnit.WORKING_HALF_DAYS)).isEqualTo(at(10, 9, 12, 0));
        for (Instant start : new Instant[] {at(9, 26, 23, 59), at(9, 30, 10, 0), at(10, 3, 9, 0), at(9, 29, 0, 1)}) {
            for (int days = 1; days <= 4; days++) {
                assertThat(time.add(start, 2 * days, LimitUnit.WORKING_HALF_DAYS))
                        .isEqualTo(time.add(start, days, LimitUnit.WORKING_DAYS));
            }
        }
    }

    @Test
    void theFinerUnitGivesAOneUnitLimitItsWarningWithTheSameRed() {
        Instant start = at(9, 30, 16, 50);
        Deadline urgent = time.deadline(start, new TimeLimit(30, 60, LimitUnit.URGENT_MINUTES));
        assertThat(urgent.yellowAt()).isEqualTo(at(9, 30, 17, 20));
        assertThat(urgent.redAt()).isEqualTo(time.add(start, 1, LimitUnit.URGENT_HOURS));
        Deadline office = time.deadline(start, new TimeLimit(30, 60, LimitUnit.WORKING_MINUTES));
        assertThat(office.yellowAt()).isEqualTo(at(9, 30, 17, 20));
        assertThat(office.redAt()).isEqualTo(time.add(start, 1, LimitUnit.WORKING_HOURS)).isEqualTo(at(10, 9, 9, 20));
        Deadline verify = time.deadline(start, new TimeLimit(1, 2, LimitUnit.WORKING_HALF_DAYS));
        assertThat(verify.yellowAt()).isEqualTo(at(10, 9, 12, 0));
        assertThat(verify.redAt()).isEqualTo(time.add(start, 1, LimitUnit.WORKING_DAYS)).isEqualTo(at(10, 9, 17, 30));
    }

    @Test
    void urgentHoursAndNaturalDaysIgnoreTheCalendar() {
        assertThat(time.add(at(9, 30, 20, 0), 24, LimitUnit.URGENT_HOURS)).isEqualTo(at(10, 1, 20, 0));
        assertThat(time.add(at(10, 2, 23, 30), 1, LimitUnit.URGENT_HOURS)).isEqualTo(at(10, 3, 0, 30));
        assertThat(time.add(at(9, 30, 10, 0), 3, LimitUnit.NATURAL_DAYS)).isEqualTo(at(10, 3, 10, 0));
    }

    @Test
    void zeroAddsNothingAndANegativeAmountIsABug() {
        Instant start = at(9, 27, 3, 0);
        for (LimitUnit unit : LimitUnit.values()) {
            assertThat(time.add(start, 0, unit)).isEqualTo(start);
        }
        assertThatThrownBy(() -> time.add(start, -1, LimitUnit.WORKING_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The calendar interface over this arithmetic, for the rules that take one. */
    static WorkCalendar calendar(WorkingTime time) {
        return new WorkCalendar() {
            @Override
            public boolean isWorkingDay(LocalDate day) {
                return time.isWorkingDay(day);
            }

            @Override
            public Instant add(Instant start, int amount, LimitUnit unit) {
                return time.add(start, amount, unit);
            }

            @Override
            public Deadline deadline(Instant start, TimeLimit limit) {
                return time.deadline(start, limit);
            }

            @Override
            public Map<DeadlineStage, Deadline> deadlines(String categoryCode, Instant start) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<CalendarDayView> year(int year) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CalendarDayView set(LocalDate day, CalendarDayEdit edit, String updatedBy) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(LocalDate day) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void anExtensionMovesBothThresholdsAndKeepsAWarningWhenTheyWouldMeet() {
        WorkCalendar calendar = calendar(time);
        // handle 4/8 urgent hours from Monday 29 September 08:00: yellow 12:00, red 16:00, both on that Monday;
        // two working days later (Tue 30, then Thu 9 October) both would be 17:30: yellow keeps its four hours
        Deadline hours = time.deadline(at(9, 29, 8, 0), new TimeLimit(4, 8, LimitUnit.URGENT_HOURS));
        Deadline extended = hours.extended(2, calendar);
        assertThat(extended.redAt()).isEqualTo(at(10, 9, 17, 30));
        assertThat(extended.yellowAt()).isEqualTo(at(10, 9, 13, 30));
        assertThat(extended.extended(1, calendar))
                .isEqualTo(new Deadline(at(10, 10, 13, 30), at(10, 10, 17, 30)));
        // thresholds on different days each move by the working days
        Deadline days = time.deadline(at(9, 26, 10, 0), new TimeLimit(1, 2, LimitUnit.WORKING_DAYS));
        assertThat(days).isEqualTo(new Deadline(at(9, 28, 17, 30), at(9, 29, 17, 30)));
        assertThat(days.extended(1, calendar)).isEqualTo(new Deadline(at(9, 29, 17, 30), at(9, 30, 17, 30)));
    }

    @Test
    void aDeadlineNeedsYellowBeforeRed() {
        Instant at = at(9, 30, 10, 0);
        assertThatThrownBy(() -> new Deadline(at, at)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Deadline(at.plusSeconds(60), at)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadlineIsYellowThenRed() {
        Deadline deadline = time.deadline(at(9, 30, 16, 0), new TimeLimit(1, 2, LimitUnit.WORKING_DAYS));
        assertThat(deadline.yellowAt()).isEqualTo(at(10, 9, 17, 30));
        assertThat(deadline.redAt()).isEqualTo(at(10, 10, 17, 30));
        assertThat(deadline.colourAt(at(10, 9, 17, 29))).isEqualTo(DeadlineColour.GREEN);
        assertThat(deadline.colourAt(at(10, 9, 17, 30))).isEqualTo(DeadlineColour.YELLOW);
        assertThat(deadline.colourAt(at(10, 10, 17, 30))).isEqualTo(DeadlineColour.RED);
    }
}
