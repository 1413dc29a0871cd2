package org.gridgov.web.party.reviews;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridgov.grid.UnitLevel;
import org.gridgov.party.EvaluationGrade;
import org.gridgov.party.EvaluationSide;
import org.gridgov.party.RegistrationKind;

/** The party reviews' API answers (coverage, evaluations, five-star branches); names of the published schemas. */
final class PartyReviewJson {

    private PartyReviewJson() {
    }

    /** Party work coverage of a unit and of each of its children for a year. */
    record CoverageView(int year, CoverageRow total, List<CoverageRow> children) {
    }

    record CoverageRow(long unitId, String unitName, UnitLevel level, long grids, long gridsWithBranch,
                       int branchPercent, long membersRegistered, BigDecimal membersPerGrid, long itemsClaimed,
                       long itemsCompleted, BigDecimal serviceHours, long evaluations, long branchesScored,
                       BigDecimal averageStars, long fiveStarBranches) {
    }

    /** An evaluation of a registered unit or member by the community or by the work unit. */
    record EvaluationView(long id, int year, EvaluationSide side, RegistrationKind subjectKind, long registrationId,
                          String subjectName, EvaluationGrade grade, String comment, String evaluatedBy,
                          Instant evaluatedAt) {
    }

    /** An approved registration with its service in a year and both evaluations. */
    record ServiceRecord(RegistrationKind kind, long registrationId, String name, String workUnit, long communityId,
                         String communityName, long itemsDone, BigDecimal hours, EvaluationGrade communityGrade,
                         String communityComment, EvaluationGrade workUnitGrade, String workUnitComment) {
    }

    /** A branch's five-star score (五星支部) for a year. */
    record StarScoreView(long organizationId, String organizationName, int year, boolean strongBranch,
                         boolean coBuilding, boolean safetyLaw, boolean harmony, boolean prosperity, int stars,
                         String scoredBy, Instant scoredAt) {
    }

    /** An item of a branch's rectification ledger. */
    record LedgerItemView(long id, long organizationId, String organizationName, String problem, String owner,
                          LocalDate deadline, String measures, boolean closed, String resultNote, String closedBy,
                          LocalDate closedOn, boolean overdue, String createdBy, long version) {
    }
}
