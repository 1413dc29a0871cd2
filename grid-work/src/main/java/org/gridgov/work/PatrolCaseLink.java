package org.gridgov.work;

import java.time.Instant;

import org.gridgov.desk.CaseStatus;

/** A case raised on the way, as linked to its patrol. */
public record PatrolCaseLink(long caseId, String code, String categoryCode, CaseStatus status, Double lat,
                             Double lng, Instant raisedAt) {
}
