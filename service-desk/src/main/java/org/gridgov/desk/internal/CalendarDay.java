package org.gridgov.desk.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.desk.CalendarDayEdit;
import org.gridgov.desk.CalendarDayView;
import org.gridgov.desk.DayKind;
import org.gridgov.grid.DomainException;

/** A day listed in the work calendar: a public holiday or a make-up workday. */
@Entity
@Table(schema = "desk", name = "calendar_day")
class CalendarDay {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    static final int MAX_NAME = 50;

    @Id
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    private DayKind kind;

    private String name;

    private boolean provisional;

    @Version
    private long version;

    private Instant updatedAt;

    private String updatedBy;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day) {
        checkDay(day);
        this.day = day;
    }

    static void checkDay(LocalDate day) {
        if (day == null) {
            throw DomainException.onField("day", "calendar.day.required");
        }
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw DomainException.onField("day", "calendar.day.range", FIRST_YEAR, LAST_YEAR);
        }
    }

    /** Checks everything first, then changes: a refused edit leaves the day as it was. */
    void change(CalendarDayEdit edit, String by, Instant at) {
        if (edit.kind() == null) {
            throw DomainException.onField("kind", "calendar.kind.required");
        }
        String text = edit.name() == null ? "" : edit.name().strip();
        if (text.isEmpty()) {
            throw DomainException.onField("name", "calendar.name.required");
        }
        if (text.length() > MAX_NAME) {
            throw DomainException.onField("name", "calendar.name.tooLong", MAX_NAME);
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (edit.kind() == DayKind.MAKEUP_WORKDAY && !weekend) {
            throw DomainException.onField("kind", "calendar.makeup.weekday", day);
        }
        this.kind = edit.kind();
        this.name = text;
        this.provisional = false;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    LocalDate day() {
        return day;
    }

    DayKind kind() {
        return kind;
    }

    CalendarDayView view() {
        return new CalendarDayView(day, kind, name, provisional);
    }
}
