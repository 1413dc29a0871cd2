package org.gridgov.grid.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.gridgov.grid.UnitLevel;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UnitRepository extends JpaRepository<Unit, Long> {

    @Query("select u from Unit u where u.parentId = :parentId and u.validTo is null order by u.code")
    List<Unit> activeChildren(@Param("parentId") long parentId);

    @Query("select u from Unit u, UnitPlacement p where p.unitId = u.id and p.parentId = :parentId"
            + " and p.validFrom <= :day and (p.validTo is null or p.validTo > :day)"
            + " and u.validFrom <= :day and (u.validTo is null or u.validTo > :day) order by p.code")
    List<Unit> childrenOn(@Param("parentId") long parentId, @Param("day") LocalDate day);

    @Query("select u from Unit u where u.path like :prefix and u.validTo is null")
    List<Unit> activeInSubtree(@Param("prefix") String prefix);

    @Query("select u.level, u.gridTier, count(u) from Unit u where u.path like :prefix and u.id <> :id"
            + " and u.validTo is null group by u.level, u.gridTier")
    List<Object[]> countActiveByLevel(@Param("prefix") String prefix, @Param("id") long id);

    @Query("select u.level, u.gridTier, count(u) from UnitPlacement p, Unit u where p.unitId = u.id"
            + " and p.path like :prefix and p.unitId <> :id"
            + " and p.validFrom <= :day and (p.validTo is null or p.validTo > :day)"
            + " group by u.level, u.gridTier")
    List<Object[]> countByLevelOn(@Param("prefix") String prefix, @Param("id") long id,
                                  @Param("day") LocalDate day);

    @Query("select u.path from Unit u where u.path like :prefix and u.validTo is null")
    List<String> activePathsIn(@Param("prefix") String prefix);

    @Query("select u from Unit u where u.parentId is null and u.validTo is null order by u.code")
    List<Unit> activeRoots();

    @Query("select u from Unit u where u.level = :level and (:tier is null or u.gridTier = :tier)"
            + " and u.validTo is null order by u.code")
    List<Unit> activeOfLevel(@Param("level") UnitLevel level, @Param("tier") Short tier);

    boolean existsByCodeAndValidToIsNull(String code);

    @Query("select u from Unit u where u.id in (select s.key.successorId from UnitSuccession s"
            + " where s.key.predecessorId = :id) order by u.code")
    List<Unit> successorsOf(@Param("id") long id);

    @Query("select u from Unit u where u.id in (select s.key.predecessorId from UnitSuccession s"
            + " where s.key.successorId = :id) order by u.code")
    List<Unit> predecessorsOf(@Param("id") long id);

    @Query("select u from Unit u where u.id in :ids")
    List<Unit> findAllIn(@Param("ids") Collection<Long> ids);
}
