package org.gridgov.grid.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface GridStaffRepository extends JpaRepository<GridStaffMember, Long> {

    @Query("select s from GridStaffMember s where s.unitId = :unitId and s.validTo is null order by s.post, s.id")
    List<GridStaffMember> activeOn(@Param("unitId") long unitId);
}
