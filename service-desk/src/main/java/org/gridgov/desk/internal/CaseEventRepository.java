package org.gridgov.desk.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseEventRepository extends JpaRepository<CaseEventRecord, CaseEventRecord.Key> {

    @Query("select e from CaseEventRecord e where e.key.caseId = :caseId order by e.key.seq")
    List<CaseEventRecord> timelineOf(@Param("caseId") long caseId);
}
