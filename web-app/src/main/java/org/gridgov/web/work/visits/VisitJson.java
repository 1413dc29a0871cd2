package org.gridgov.web.work.visits;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.UnitLevel;
import org.gridgov.work.TeamRole;

/** The visit API's request and answers; the names are those of the published OpenAPI schemas. */
final class VisitJson {

    private VisitJson() {
    }

    /** A visit as posted; {@code visitedAt} defaults to now. */
    record VisitRequest(@NotNull Long householdId, OffsetDateTime visitedAt, List<TeamMember> team, String findings,
                        List<Long> photoIds, HouseholdTag newTag, String tagReason, RaiseCase raiseCase) {
    }

    /** Someone who came along on a visit (a team is one visit). */
    record TeamMember(TeamRole role, String name) {
    }

    /** The case a visit raises, if it found one. */
    record RaiseCase(String categoryCode, String description, boolean urgent) {
    }

    /** A household of the visit list with its due date (most overdue first). */
    record DueHousehold(long householdId, String houseCode, String address, HouseholdTag tag,
                        List<SpecialGroup> specialGroups, int intervalDays, Long lastVisitId,
                        OffsetDateTime lastVisitedAt, String lastFindings, LocalDate dueOn, int daysOverdue) {
    }

    /** A recorded visit. */
    record VisitView(long id, long householdId, String houseCode, String address, long gridUnitId, String gridPath,
                     OffsetDateTime visitedAt, String recordedBy, List<TeamMember> team, String findings,
                     List<Long> photoIds, HouseholdTag tagBefore, HouseholdTag tagAfter, String tagReason,
                     LocalDate dueOn, boolean onTime, Long caseId, String caseCode) {
    }

    /** Coverage of one child unit and colour. */
    record CoverageRow(long unitId, String unitName, UnitLevel level, HouseholdTag tag, long households, long due,
                       long visitedOnTime, long overdue) {
    }
}
