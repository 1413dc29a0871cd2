package org.gridgov.web.desk.calendar;

import java.time.LocalDate;

import org.gridgov.desk.DayKind;
import org.springframework.format.annotation.DateTimeFormat;

/** The calendar page's form: a day to list, its kind and name. */
record CalendarDayForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, DayKind kind, String name) {
}
