package org.gridgov.party.internal;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberRepository extends JpaRepository<PartyMember, Long> {

    @Query(value = "select m from PartyMember m where m.unitPath like :prefix"
            + " and (:org is null or m.organizationId = :org)",
            countQuery = "select count(m) from PartyMember m where m.unitPath like :prefix"
            + " and (:org is null or m.organizationId = :org)")
    Page<PartyMember> search(@Param("prefix") String prefix, @Param("org") Long organizationId, Pageable page);

    @Query("select m.organizationId, count(m) from PartyMember m where m.organizationId in :ids"
            + " group by m.organizationId")
    List<Object[]> countByOrganization(@Param("ids") List<Long> ids);

    boolean existsByResidentId(long residentId);
}
