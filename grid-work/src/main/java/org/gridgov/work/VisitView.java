package org.gridgov.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridgov.grid.HouseholdTag;

/** A recorded visit as shown: the household, the team, what was found, the colour change and the raised case. */
public record VisitView(long id, long householdId, String houseCode, String address, long gridUnitId,
                        String gridPath, OffsetDateTime visitedAt, String recordedBy, List<TeamMember> team,
                        String findings, List<Long> photoIds, HouseholdTag tagBefore, HouseholdTag tagAfter,
                        String tagReason, LocalDate dueOn, boolean onTime, Long caseId, String caseCode) {
}
