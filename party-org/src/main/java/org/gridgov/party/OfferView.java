package org.gridgov.party;

import java.time.Instant;

/** A resource or project of a community's lists. */
public record OfferView(long id, OfferKind kind, long unitId, String unitName, long communityId, String title,
                        String description, RegistrationKind providerKind, Long providerRegistrationId,
                        String providerName, String postedBy, Instant postedAt) {
}
