package org.gridgov.party.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CentralHouseholdRepository extends JpaRepository<CentralHousehold, Long> {

    @Query("select c from CentralHousehold c where c.partyGroupId = :groupId order by c.id")
    List<CentralHousehold> ofPartyGroup(@Param("groupId") long groupId);

    boolean existsByMemberId(long memberId);

    boolean existsByHouseholdId(long householdId);
}
