package org.gridgov.work;

import java.time.Instant;
import java.util.List;

import org.gridgov.grid.Audited;

/**
 * 预警 → 敲门 — warnings and their door-knock tasks within the caller's data scope. A warning is seen by the users
 * whose scope holds its issuer's unit or any of its tasks; a task by the users whose scope holds its household.
 */
public interface Warnings {

    /** How many households the warning would aim at (the same rule as {@link #issue}). */
    long preview(NewWarning warning);

    /** Issues the warning: one OPEN door-knock task per aimed-at household, in one statement. */
    @Audited(action = "WARNING_ISSUE", object = "warning")
    WarningView issue(NewWarning warning, long issuerUnitId, String issuedBy);

    WarningView get(long warningId);

    /** Warnings the caller sees, newest first; {@code openOnly} leaves out closed ones. */
    List<WarningView> list(boolean openOnly, int limit);

    /** Progress in a unit of the caller's scope (the warning must be visible to the caller). */
    WarningProgress progress(long warningId, long unitId);

    /** Door-knock tasks in the caller's scope of open warnings: markable first, then done ones if asked. */
    List<DoorKnockTaskView> tasks(boolean includeDone, int limit);

    DoorKnockTaskView task(long taskId);

    /** Marks a task; the last open task closes its warning in the same transaction. */
    DoorKnockTaskView mark(long taskId, DoorKnockMark mark, String username);

    /** Closes an open warning before it expires (its open tasks expire). */
    WarningView close(long warningId, long version, String username);

    /** Closes the open warnings whose expiry has passed; their open tasks expire. Returns how many. (Scheduled.) */
    int closeExpired(Instant now);
}
