package org.gridgov.party;

import java.time.Instant;

/**
 * A registration of either kind as listed: for a unit, {@code name} is the unit's name and {@code detail} what it
 * offers; for a member, the member's name and work unit.
 */
public record RegistrationView(long id, RegistrationKind kind, String name, String detail, String address,
                               String agreement, Long memberId, long unitId, String unitName, long communityId,
                               long organizationId, RegistrationStatus status, String decisionReason,
                               String decidedBy, Instant decidedAt, Instant registeredAt, long version) {
}
