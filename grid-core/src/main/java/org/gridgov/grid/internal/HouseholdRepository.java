package org.gridgov.grid.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HouseholdRepository extends JpaRepository<Household, Long> {

    String MATCHING = " h.unitPath like :prefix and (:q = ''"
            + " or h.houseCode like concat(:q, '%') or h.address like concat('%', :q, '%'))";
    String MATCHING_ON = " p.householdId = h.id and p.unitPath like :prefix and p.validFrom <= :day"
            + " and (p.validTo is null or p.validTo > :day)"
            + " and (:q = '' or h.houseCode like concat(:q, '%') or h.address like concat('%', :q, '%'))";

    /** One page of the households in a subtree matching {@code q}, without a count. */
    @Query("select h from Household h where" + MATCHING)
    List<Household> search(@Param("prefix") String prefix, @Param("q") String q, Pageable page);

    /** The same households' paths, for a count up to the page's size (the list count cap). */
    @Query("select h.unitPath from Household h where" + MATCHING)
    List<String> searchPaths(@Param("prefix") String prefix, @Param("q") String q, Pageable page);

    @Query("select h from Household h, HouseholdPlacement p where" + MATCHING_ON)
    List<Household> searchOn(@Param("prefix") String prefix, @Param("q") String q, @Param("day") LocalDate day,
                             Pageable page);

    @Query("select p.unitPath from Household h, HouseholdPlacement p where" + MATCHING_ON)
    List<String> searchOnPaths(@Param("prefix") String prefix, @Param("q") String q, @Param("day") LocalDate day,
                               Pageable page);

    @Query("select h from Household h where h.unitId = :unitId order by h.houseCode")
    List<Household> inUnit(@Param("unitId") long unitId);

    @Query("select h from Household h where h.unitPath like :prefix")
    List<Household> inSubtree(@Param("prefix") String prefix);

    @Query("select count(h) from Household h where h.unitPath like :prefix")
    long countInSubtree(@Param("prefix") String prefix);

    @Query("select count(p) from HouseholdPlacement p where p.unitPath like :prefix"
            + " and p.validFrom <= :day and (p.validTo is null or p.validTo > :day)")
    long countInSubtreeOn(@Param("prefix") String prefix, @Param("day") LocalDate day);

    @Query("select h.unitPath, count(h) from Household h where h.unitPath like :prefix group by h.unitPath")
    List<Object[]> countByUnitPath(@Param("prefix") String prefix);

    @Query("select max(h.houseCode) from Household h where h.houseCode like concat(:unitCode, '00%')"
            + " and h.entrance is null and h.unitId = :unitId")
    Optional<String> lastSelfBuiltCode(@Param("unitId") long unitId, @Param("unitCode") String unitCode);

    boolean existsByHouseCode(String houseCode);

    @Query("select count(h) > 0 from Household h where h.unitId = :unitId and h.entrance = :entrance"
            + " and h.room = :room and h.id <> :exceptId")
    boolean roomTaken(@Param("unitId") long unitId, @Param("entrance") Short entrance,
                      @Param("room") Integer room, @Param("exceptId") long exceptId);
}
