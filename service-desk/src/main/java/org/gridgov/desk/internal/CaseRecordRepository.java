package org.gridgov.desk.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRecordRepository extends JpaRepository<CaseRecord, Long>, JpaSpecificationExecutor<CaseRecord> {

    @Query("select c from CaseRecord c where c.categoryCode = :category and c.id <> :id"
            + " and c.status not in (org.gridgov.desk.CaseStatus.CLOSED, org.gridgov.desk.CaseStatus.EVALUATED,"
            + " org.gridgov.desk.CaseStatus.CANCELLED) and c.reportedAt >= :since and c.reportedAt <= :until")
    java.util.List<CaseRecord> openOfCategoryBetween(@Param("category") String category, @Param("id") long id,
                                                     @Param("since") Instant since, @Param("until") Instant until);
}
