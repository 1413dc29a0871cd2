package org.gridgov.work;

import java.time.OffsetDateTime;
import java.util.List;

import org.gridgov.grid.HouseholdTag;

/**
 * 走访记录 — a visit to a household: when, who came besides the recording grid worker, what was found, photos
 * already stored (service-desk photos), an optional colour change (its reason is then required) and an optional case
 * to raise.
 */
public record NewVisit(long householdId, OffsetDateTime visitedAt, List<TeamMember> team, String findings,
                       List<Long> photoIds, HouseholdTag newTag, String tagReason, RaiseCase raiseCase) {

    public NewVisit {
        team = team == null ? List.of() : List.copyOf(team);
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }
}
