package org.gridgov.grid.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UnitPlacementRepository extends JpaRepository<UnitPlacement, Long> {

    @Query("select p from UnitPlacement p where p.unitId in :unitIds and p.validTo is null")
    List<UnitPlacement> openFor(@Param("unitIds") Collection<Long> unitIds);

    @Query("select p.path from UnitPlacement p where p.unitId = :unitId"
            + " and p.validFrom <= :day and (p.validTo is null or p.validTo > :day)")
    Optional<String> pathOn(@Param("unitId") long unitId, @Param("day") LocalDate day);
}
