package org.gridgov.desk;

/**
 * The unit a time limit is counted in. Working time follows the {@link WorkCalendar} in the platform's zone. Each
 * hour or day unit has a finer one beside it, so that a limit of one unit can still have a yellow threshold before its
 * red one: 1 urgent hour is 60 urgent minutes, 1 working hour 60 working minutes, 1 working day 2 working half-days.
 */
public enum LimitUnit {

    /** 紧急分钟 — clock minutes, every day including weekends and holidays. */
    URGENT_MINUTES(1440),
    /** 紧急小时 — clock hours, every day including weekends and holidays. */
    URGENT_HOURS(720),
    /** 工作分钟 — minutes inside office hours, counted like {@link #WORKING_HOURS}. */
    WORKING_MINUTES(1440),
    /**
     * 工作小时 — hours inside office hours (09:00–12:00 and 13:30–17:30, seven a day) of working days; a limit that
     * starts outside office hours starts counting at the next opening.
     */
    WORKING_HOURS(720),
    /**
     * 工作半日 — due at the close (12:00 or 17:30) of the N-th office period counted from the first working day after
     * the day the stage starts: two half-days are exactly one {@link #WORKING_DAYS working day}.
     */
    WORKING_HALF_DAYS(730),
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
