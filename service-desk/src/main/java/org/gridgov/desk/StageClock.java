package org.gridgov.desk;

import java.time.Instant;
import java.util.List;

/**
 * The deadline clock of a case: which stage runs (sign after dispatch, handle after signing, verify after the report
 * back), since when, until which yellow and red thresholds, and whether any stage has ever passed its red threshold
 * (then the case can no longer be closed on time — 按期结案). One step per timeline entry, so the live store and the
 * demo loader (which replays whole timelines) clock a case the same way.
 *
 * @param stage     the running stage, null when no clock runs (before dispatch, after closure)
 * @param startedAt when the running stage started
 * @param deadline  its thresholds
 * @param late      some stage of this case passed its red threshold before it ended
 */
public record StageClock(DeadlineStage stage, Instant startedAt, Deadline deadline, boolean late) {

    public static final StageClock NONE = new StageClock(null, null, null, false);

    /** The clock after {@code entry}, which brought the case into {@code entry.to()}. */
    public StageClock after(CaseTimelineEntry entry, String categoryCode, WorkCalendar calendar) {
        boolean wasLate = late || pastRed(entry.at());
        DeadlineStage next = switch (entry.to()) {
            case DISPATCHED -> DeadlineStage.SIGN;
            case HANDLING -> DeadlineStage.HANDLE;
            case REPORTED_BACK -> DeadlineStage.VERIFY;
            default -> null;
        };
        if (entry.action().spec().extendsTheStage() && deadline != null && entry.params().extensionDays() != null) {
            return new StageClock(stage, startedAt, deadline.extended(entry.params().extensionDays(), calendar),
                    wasLate);
        }
        if (next == null) {
            return new StageClock(null, null, null, wasLate);
        }
        boolean restarts = next != stage || entry.action().spec().restartsTheStage();
        if (!restarts) {
            return new StageClock(stage, startedAt, deadline, wasLate);
        }
        return new StageClock(next, entry.at(), calendar.deadlines(categoryCode, entry.at()).get(next), wasLate);
    }

    /** The running stage has reached its red threshold at {@code now} (超期). */
    public boolean pastRed(Instant now) {
        return deadline != null && !now.isBefore(deadline.redAt());
    }

    /** The clock of a whole timeline, replayed from the report. */
    public static StageClock replay(List<CaseTimelineEntry> timeline, String categoryCode, WorkCalendar calendar) {
        StageClock clock = NONE;
        for (CaseTimelineEntry entry : timeline) {
            clock = clock.after(entry, categoryCode, calendar);
        }
        return clock;
    }
}
