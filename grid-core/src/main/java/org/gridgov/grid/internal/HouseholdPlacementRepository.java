package org.gridgov.grid.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HouseholdPlacementRepository extends JpaRepository<HouseholdPlacement, Long> {

    @Query("select p from HouseholdPlacement p where p.householdId in :ids and p.validTo is null")
    List<HouseholdPlacement> openFor(@Param("ids") Collection<Long> householdIds);

    @Query("select p from HouseholdPlacement p where p.householdId = :id order by p.validFrom, p.id")
    List<HouseholdPlacement> historyOf(@Param("id") long householdId);
}
