package org.gridgov.web.party.registrations;

import java.time.Instant;

import org.gridgov.party.RegistrationKind;
import org.gridgov.party.RegistrationStatus;

/** A registration of a unit or a member with its community (双报到), as the API writes it. */
record RegistrationView(long id, RegistrationKind kind, String name, String detail, String address,
                        String agreement, Long memberId, long unitId, String unitName, long communityId,
                        long organizationId, RegistrationStatus status, String decisionReason, String decidedBy,
                        Instant decidedAt, Instant registeredAt, long version) {
}
