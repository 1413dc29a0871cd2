package org.gridgov.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gridgov.grid.PageResult;

/**
 * 入户走访 — visit lists, visit records and coverage, within the caller's data scope (a household, visit or unit
 * outside it is not found).
 */
public interface Visits {

    /**
     * The households of a unit's subtree with their due dates, most overdue first, then due soonest (then by house
     * code); one page of at most 200.
     */
    PageResult<DueHousehold> due(long unitId, int page, int size);

    /** Stores a visit (and the colour change and case it carries) and publishes {@link VisitRecorded}. */
    VisitView record(NewVisit visit, Visitor visitor);

    VisitView get(long id);

    /** The visits of a household, newest first. */
    List<VisitView> ofHousehold(long householdId);

    /** The visit that raised a case, if one did (and it is in scope). */
    Optional<Long> visitOfCase(long caseId);

    /** The people of the household's grid (and the units above it) who may come along: police, volunteers … */
    List<TeamMember> teamChoices(long householdId);

    /** Coverage by child unit and colour for the days [from, to] (platform zone). */
    List<CoverageRow> coverage(long unitId, LocalDate from, LocalDate to);
}
