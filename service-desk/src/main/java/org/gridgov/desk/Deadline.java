package org.gridgov.desk;

import java.time.Instant;

/** When a stage turns yellow (due soon) and when it turns red (overdue). */
public record Deadline(Instant yellowAt, Instant redAt) {

    public Deadline {
        if (yellowAt == null || redAt == null || yellowAt.isAfter(redAt)) {
            throw new IllegalArgumentException("yellow must not come after red: " + yellowAt + " / " + redAt);
        }
    }

    /** Green before yellow, yellow until red, red from red on. */
    public DeadlineColour colourAt(Instant now) {
        if (now.isBefore(yellowAt)) {
            return DeadlineColour.GREEN;
        }
        return now.isBefore(redAt) ? DeadlineColour.YELLOW : DeadlineColour.RED;
    }
}
