package org.gridgov.desk.internal;

import java.time.Instant;

import org.gridgov.desk.CaseStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRecordRepository extends JpaRepository<CaseRecord, Long> {

    @Query("select c from CaseRecord c where c.stage is not null and c.overdue = false and c.stageRedAt <= :now")
    java.util.List<CaseRecord> overdueCandidates(@Param("now") Instant now);

    @Query(value = "select c from CaseRecord c where c.unitPath like :prefix"
            + " and (:status is null or c.status = :status)"
            + " and c.reportedAt >= :from and c.reportedAt < :to order by c.reportedAt desc, c.id desc",
            countQuery = "select count(c) from CaseRecord c where c.unitPath like :prefix"
                    + " and (:status is null or c.status = :status)"
                    + " and c.reportedAt >= :from and c.reportedAt < :to")
    Page<CaseRecord> search(@Param("prefix") String prefix, @Param("status") CaseStatus status,
                            @Param("from") Instant from, @Param("to") Instant to, Pageable page);
}
