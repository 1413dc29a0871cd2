package org.gridgov.party;

import java.math.BigDecimal;
import java.time.Instant;

/** A need or wish as listed, with who claimed it and how it ended. */
public record ServiceItemView(long id, ServiceItemKind kind, long unitId, String unitName, long communityId,
                              String title, String description, NeedTerm term, Long residentId, String residentName,
                              Long sourceCaseId, String postedBy, Instant postedAt, ServiceStatus status,
                              RegistrationKind claimerKind, Long claimerRegistrationId, String claimerName,
                              Instant claimedAt, BigDecimal serviceHours, String completionNote, Instant completedAt,
                              String confirmationNote, String confirmedBy, Instant confirmedAt, String cancelReason,
                              long version) {
}
