package org.gridgov.grid.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ResidentRepository extends JpaRepository<Resident, Long> {

    String MATCHING = " r.householdId in (select h.id from Household h where h.unitPath like :prefix)"
            + " and (:q = '' or r.name like concat('%', :q, '%'))";

    /** One page of the residents in a subtree whose name contains {@code q} (all when blank), without a count. */
    @Query("select r from Resident r where" + MATCHING)
    List<Resident> search(@Param("prefix") String prefix, @Param("q") String q, Pageable page);

    /** The same residents' ids, for a count up to the page's size (the list count cap). */
    @Query("select r.id from Resident r where" + MATCHING)
    List<Long> searchIds(@Param("prefix") String prefix, @Param("q") String q, Pageable page);

    @Query("select r from Resident r where r.id in :ids order by r.id")
    List<Resident> withIds(@Param("ids") Collection<Long> ids);

    /** The ids of residents in a subtree (and in the data scope) with this ID number (by its keyed hash). */
    @Query("select r.id from Resident r where r.idNumberHash = :hash and r.householdId in"
            + " (select h.id from Household h where h.unitPath like :prefix) order by r.id")
    List<Long> idsWithIdNumber(@Param("prefix") String prefix, @Param("hash") byte[] hash);

    /** The ids of residents in a subtree (and in the data scope) with this phone (by its keyed hash). */
    @Query("select r.id from Resident r where r.phoneHash = :hash and r.householdId in"
            + " (select h.id from Household h where h.unitPath like :prefix) order by r.id")
    List<Long> idsWithPhone(@Param("prefix") String prefix, @Param("hash") byte[] hash);

    @Query("select r from Resident r where r.householdId = :householdId order by r.id")
    List<Resident> ofHousehold(@Param("householdId") long householdId);

    @Query("select count(r) from Resident r where r.householdId in"
            + " (select h.id from Household h where h.unitPath like :prefix)")
    long countInSubtree(@Param("prefix") String prefix);

    @Query("select count(r) from Resident r where r.householdId in (select p.householdId from"
            + " HouseholdPlacement p where p.unitPath like :prefix and p.validFrom <= :day"
            + " and (p.validTo is null or p.validTo > :day))")
    long countInSubtreeOn(@Param("prefix") String prefix, @Param("day") LocalDate day);

    @Query("select h.unitPath, count(r) from Resident r, Household h where r.householdId = h.id"
            + " and h.unitPath like :prefix group by h.unitPath")
    List<Object[]> countByUnitPath(@Param("prefix") String prefix);

    @Query("select count(r) from Resident r where r.householdId = :householdId")
    long countInHousehold(@Param("householdId") long householdId);

    @Query("select r.householdId, count(r) from Resident r where r.householdId in :ids group by r.householdId")
    List<Object[]> countPerHousehold(@Param("ids") Collection<Long> householdIds);

    /** Deliberately outside the data scope: one person is registered once in the whole county. */
    @Query(value = "select count(*) from grid.resident where id_number_hash = :hash and id <> :exceptId",
            nativeQuery = true)
    long countOthersWithIdNumber(@Param("hash") byte[] hash, @Param("exceptId") long exceptId);
}
