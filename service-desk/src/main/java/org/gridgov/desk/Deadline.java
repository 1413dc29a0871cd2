package org.gridgov.desk;

import java.time.Duration;
import java.time.Instant;

/** When a stage turns yellow (due soon) and when it turns red (overdue); yellow always comes first. */
public record Deadline(Instant yellowAt, Instant redAt) {

    public Deadline {
        if (yellowAt == null || redAt == null || !yellowAt.isBefore(redAt)) {
            throw new IllegalArgumentException("yellow must come before red: " + yellowAt + " / " + redAt);
        }
    }

    /**
     * 延期: both thresholds moved by {@code days} working days. Each lands at 17:30 of a working day, so thresholds
     * that fell on one day (a limit in hours) would land on the same minute; then yellow stays as long before the new
     * red as it was before the old one, and the stage keeps its warning window.
     */
    public Deadline extended(int days, WorkCalendar calendar) {
        Instant red = calendar.add(redAt, days, LimitUnit.WORKING_DAYS);
        Instant yellow = calendar.add(yellowAt, days, LimitUnit.WORKING_DAYS);
        return new Deadline(yellow.isBefore(red) ? yellow : red.minus(Duration.between(yellowAt, redAt)), red);
    }

    /** Green before yellow, yellow until red, red from red on. */
    public DeadlineColour colourAt(Instant now) {
        if (now.isBefore(yellowAt)) {
            return DeadlineColour.GREEN;
        }
        return now.isBefore(redAt) ? DeadlineColour.YELLOW : DeadlineColour.RED;
    }
}
