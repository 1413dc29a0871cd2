package org.gridgov.desk;

/** An administrator lists a day as a holiday or a make-up workday, with its name (e.g. 国庆节, 国庆节调休). */
public record CalendarDayEdit(DayKind kind, String name) {
}
