package org.gridgov.desk;

import java.time.LocalDate;

/** A day listed in the work calendar; {@code provisional} until the year's State Council notice is entered. */
public record CalendarDayView(LocalDate day, DayKind kind, String name, boolean provisional) {
}
