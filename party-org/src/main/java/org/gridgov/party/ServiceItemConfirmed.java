package org.gridgov.party;

import java.time.Instant;

/**
 * Published as a Spring application event, inside the transaction that stores it, when a done need or micro-wish is
 * confirmed on the resident's word (its status becomes {@link ServiceStatus#CONFIRMED}).
 *
 * @param claimerResidentId the resident who is the party member that claimed and completed it, when a member (not a
 *                          unit) did; null for a unit
 * @param wishResidentId    the resident the wish was for (null for a need)
 */
public record ServiceItemConfirmed(long itemId, ServiceItemKind kind, long unitId, String unitPath, long communityId,
                                   RegistrationKind claimerKind, long claimerRegistrationId, Long claimerResidentId,
                                   Long wishResidentId, String confirmedBy, Instant confirmedAt) {
}
