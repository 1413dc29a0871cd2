package org.gridgov.party.internal;

import java.util.List;

import org.gridgov.party.OfferKind;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServiceOfferRepository extends JpaRepository<ServiceOffer, Long> {

    @Query("select o from ServiceOffer o where o.unitPath like :prefix and (:kind is null or o.kind = :kind)"
            + " order by o.postedAt desc, o.id desc")
    List<ServiceOffer> inSubtree(@Param("prefix") String prefix, @Param("kind") OfferKind kind);
}
