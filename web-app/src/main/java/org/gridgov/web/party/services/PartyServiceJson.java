package org.gridgov.web.party.services;

import java.math.BigDecimal;
import java.time.Instant;

import org.gridgov.party.NeedTerm;
import org.gridgov.party.OfferKind;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.ServiceItemKind;
import org.gridgov.party.ServiceStatus;

/** The party service API's answers (needs, wishes, offers, the term mix); names of the published schemas. */
final class PartyServiceJson {

    private PartyServiceJson() {
    }

    /** A need or a wish, from posting to confirmation. */
    record ServiceItemView(long id, ServiceItemKind kind, long unitId, String unitName, long communityId,
                           String title, String description, NeedTerm term, Long residentId, String residentName,
                           Long sourceCaseId, String postedBy, Instant postedAt, ServiceStatus status,
                           RegistrationKind claimerKind, Long claimerRegistrationId, String claimerName,
                           Instant claimedAt, BigDecimal serviceHours, String completionNote, Instant completedAt,
                           String confirmationNote, String confirmedBy, Instant confirmedAt, String cancelReason,
                           long version) {
    }

    /** A resource or a project offered by a registered unit or member. */
    record OfferView(long id, OfferKind kind, long unitId, String unitName, long communityId, String title,
                     String description, RegistrationKind providerKind, Long providerRegistrationId,
                     String providerName, String postedBy, Instant postedAt) {
    }

    /** A community's needs in a quarter by term, against the target mix. */
    record TermMix(long communityId, String communityName, String quarter, long immediate, long shortTerm,
                   long longTerm, long total, int immediatePercent, int shortTermPercent, int longTermPercent,
                   boolean balanced) {
    }
}
