package org.gridgov.party;

import java.util.List;

/**
 * 双服务 — the community's three lists (needs, resources, projects) and micro-wishes; a registered member or unit
 * claims a need or wish, reports it done with the hours, and a community or grid worker confirms it on the
 * resident's word.
 */
public interface PartyServices {

    /** Posts a need or wish; {@code sourceCaseId} is the service-desk case it comes from, if any. */
    ServiceItemView post(NewServiceItem command, Long sourceCaseId, String postedBy);

    ServiceItemView get(long id);

    /** Needs or wishes (either, when {@code kind} is null) in a unit's subtree, optionally of one status. */
    List<ServiceItemView> list(long unitId, ServiceItemKind kind, ServiceStatus status);

    /** One claimer only: a second claim, even a concurrent one, fails (stale version or already claimed). */
    ServiceItemView claim(long id, ServiceClaim claim);

    ServiceItemView complete(long id, ServiceCompletion completion);

    ServiceItemView confirm(long id, ServiceNote confirmation, String confirmedBy);

    ServiceItemView cancel(long id, ServiceNote reason);

    OfferView offer(NewOffer command, String postedBy);

    List<OfferView> offers(long unitId, OfferKind kind);

    /** 2:6:2 — needs per community and quarter of posting, in a unit's subtree, for a year. */
    List<TermMix> termMix(long unitId, int year);
}
