package org.gridgov.party.internal;

import java.util.List;

import org.gridgov.party.RegistrationStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberRegistrationRepository extends JpaRepository<MemberRegistration, Long> {

    @Query("select r from MemberRegistration r where r.unitPath like :prefix"
            + " and (:status is null or r.status = :status) order by r.registeredAt desc, r.id desc")
    List<MemberRegistration> inSubtree(@Param("prefix") String prefix, @Param("status") RegistrationStatus status);

    @Query("select count(r) > 0 from MemberRegistration r where r.memberId = :memberId and r.status in"
            + " (org.gridgov.party.RegistrationStatus.PENDING, org.gridgov.party.RegistrationStatus.APPROVED)")
    boolean hasOpen(@Param("memberId") long memberId);
}
