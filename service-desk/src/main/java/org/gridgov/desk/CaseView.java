package org.gridgov.desk;

import java.time.Instant;

import org.gridgov.grid.AuditSubject;

/**
 * A case as stored: identity, classification, place, reporter (phone masked), state, assignment, counters, and
 * the deadline of the stage it is in ({@code stage} null when no clock runs) with its colour now, and the day it comes
 * back from the long-term ledger ({@code reviewDate}, 挂账; null when it is not on it), and when it was closed
 * ({@code closedAt}, null while open or reopened).
 */
public record CaseView(long id, String code, String categoryCode, RequestNature nature, CaseChannel channel,
                       boolean urgent, long gridUnitId, String address, Double lat, Double lng, String description,
                       String reporterName, String reporterPhoneMasked, CaseStatus status, long version,
                       HandlingLevel level, Assignee assignee, Integer pendingExtensionDays, int reworkCount,
                       int escalationCount, int extensionCount, int extendedDays, int reopenCount,
                       SupervisionLevel supervision, boolean handledOnSpot, Satisfaction callback,
                       DeadlineStage stage, Instant stageYellowAt, Instant stageRedAt, DeadlineColour colour,
                       boolean overdue, Instant reportedAt, Instant updatedAt, java.time.LocalDate reviewDate,
                       Instant closedAt)
        implements AuditSubject {

    /** A filed case is named in the audit log by id and code: {@code case:42 20261122000042}. */
    @Override
    public String auditName() {
        return id + " " + code;
    }
}
