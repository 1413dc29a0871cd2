package org.gridgov.work;

import java.time.Instant;

import org.gridgov.grid.HouseholdTag;

/** 敲门任务 — one household to visit for one warning. */
public record DoorKnockTaskView(long id, long warningId, String warningTitle, String warningContent,
                                Instant expiresAt, long householdId, String houseCode, String address,
                                HouseholdTag tag, DoorKnockStatus status, String note, String doneBy, Instant doneAt,
                                long version) {

    /** Whether the worker may (still) mark it: open, or not home the last time while the warning runs. */
    public boolean markable() {
        return status == DoorKnockStatus.OPEN || status == DoorKnockStatus.NOT_HOME;
    }
}
