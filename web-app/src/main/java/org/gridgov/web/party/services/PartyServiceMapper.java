package org.gridgov.web.party.services;

import java.util.List;

import org.gridgov.party.NewServiceItem;
import org.gridgov.party.ServiceItemKind;
import org.gridgov.web.party.services.PartyServiceJson.OfferView;
import org.gridgov.web.party.services.PartyServiceJson.ServiceItemView;
import org.gridgov.web.party.services.PartyServiceJson.TermMix;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Party services' mapping: a posted item of the kind its path names, and the domain's views to the API's records. */
@Mapper
interface PartyServiceMapper {

    /** The body as an item of {@code kind} (the caller has checked that the body names no other kind). */
    @Mapping(target = "kind", source = "kind")
    NewServiceItem withKind(NewServiceItem command, ServiceItemKind kind);

    ServiceItemView toJson(org.gridgov.party.ServiceItemView item);

    List<ServiceItemView> toItems(List<org.gridgov.party.ServiceItemView> items);

    OfferView toJson(org.gridgov.party.OfferView offer);

    List<OfferView> toOffers(List<org.gridgov.party.OfferView> offers);

    List<TermMix> toTermMix(List<org.gridgov.party.TermMix> mix);
}
