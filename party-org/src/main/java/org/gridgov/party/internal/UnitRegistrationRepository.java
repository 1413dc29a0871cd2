package org.gridgov.party.internal;

import java.util.List;

import org.gridgov.party.RegistrationStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UnitRegistrationRepository extends JpaRepository<UnitRegistration, Long> {

    @Query("select r from UnitRegistration r where r.unitPath like :prefix"
            + " and (:status is null or r.status = :status) order by r.registeredAt desc, r.id desc")
    List<UnitRegistration> inSubtree(@Param("prefix") String prefix, @Param("status") RegistrationStatus status);
}
