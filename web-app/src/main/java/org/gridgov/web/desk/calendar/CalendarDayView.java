package org.gridgov.web.desk.calendar;

import java.time.LocalDate;

import org.gridgov.desk.DayKind;

/** A day listed in the work calendar, as the API writes it; {@code provisional} until the State Council notice. */
record CalendarDayView(LocalDate day, DayKind kind, String name, boolean provisional) {
}
