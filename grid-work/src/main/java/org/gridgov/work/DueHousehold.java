package org.gridgov.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;

/**
 * A household on a visit list: its colour and special groups, the interval that applies, its last visit and what
 * was found, and the day it is due; {@code daysOverdue} is negative while there are days left.
 */
public record DueHousehold(long householdId, String houseCode, String address, HouseholdTag tag,
                           List<SpecialGroup> specialGroups, int intervalDays, Long lastVisitId,
                           OffsetDateTime lastVisitedAt, String lastFindings, LocalDate dueOn, int daysOverdue) {

    public boolean overdue() {
        return daysOverdue > 0;
    }
}
