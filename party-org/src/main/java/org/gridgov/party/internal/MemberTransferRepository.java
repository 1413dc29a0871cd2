package org.gridgov.party.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberTransferRepository extends JpaRepository<MemberTransferRecord, Long> {

    @Query("select t from MemberTransferRecord t where t.memberId = :memberId order by t.transferredOn, t.id")
    List<MemberTransferRecord> ofMember(@Param("memberId") long memberId);
}
