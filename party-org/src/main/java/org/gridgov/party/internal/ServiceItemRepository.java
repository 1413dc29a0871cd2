package org.gridgov.party.internal;

import java.util.List;

import org.gridgov.party.ServiceItemKind;
import org.gridgov.party.ServiceStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServiceItemRepository extends JpaRepository<ServiceItem, Long> {

    @Query("select i from ServiceItem i where i.unitPath like :prefix and (:kind is null or i.kind = :kind)"
            + " and (:status is null or i.status = :status) order by i.postedAt desc, i.id desc")
    List<ServiceItem> inSubtree(@Param("prefix") String prefix, @Param("kind") ServiceItemKind kind,
                                @Param("status") ServiceStatus status);
}
