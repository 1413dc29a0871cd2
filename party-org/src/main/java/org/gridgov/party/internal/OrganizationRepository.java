package org.gridgov.party.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganizationRepository extends JpaRepository<PartyOrganization, Long> {

    @Query("select o from PartyOrganization o where o.unitPath like :prefix and o.validTo is null"
            + " order by o.unitPath, o.name")
    List<PartyOrganization> activeInSubtree(@Param("prefix") String prefix);

    @Query("select o from PartyOrganization o where o.parentId = :parentId and o.validTo is null order by o.name")
    List<PartyOrganization> activeChildren(@Param("parentId") long parentId);

    @Query("select o from PartyOrganization o where o.unitId = :unitId and o.validTo is null and o.type in"
            + " (org.gridgov.party.PartyOrgType.COMMUNITY_COMMITTEE, org.gridgov.party.PartyOrgType.JOINT_COMMITTEE,"
            + " org.gridgov.party.PartyOrgType.GENERAL_BRANCH) order by o.id")
    List<PartyOrganization> communityOrganizations(@Param("unitId") long unitId);

    @Query("select o.parentId, count(o) from PartyOrganization o where o.parentId in :ids and o.validTo is null"
            + " group by o.parentId")
    List<Object[]> countActiveChildren(@Param("ids") List<Long> ids);
}
