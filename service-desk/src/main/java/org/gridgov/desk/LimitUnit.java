package org.gridgov.desk;

/**
 * The unit a time limit is counted in. Working time follows the {@link WorkCalendar} in the platform's zone.
 */
public enum LimitUnit {

    /** 紧急小时 — clock hours, every day including weekends and holidays. */
    URGENT_HOURS(720),
    /**
     * 工作小时 — hours inside office hours (09:00–12:00 and 13:30–17:30, seven a day) of working days; a limit that
     * starts outside office hours starts counting at the next opening.
     */
    WORKING_HOURS(720),
    /** 工作日 — due at 17:30 of the N-th working day after the day the stage starts. */
    WORKING_DAYS(365),
    /** 自然日 — N calendar days later at the same local time. */
    NATURAL_DAYS(365);

    private final int max;

    LimitUnit(int max) {
        this.max = max;
    }

    /** The largest amount a limit may have in this unit. */
    public int max() {
        return max;
    }
}
