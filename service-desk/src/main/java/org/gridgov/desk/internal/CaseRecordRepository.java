package org.gridgov.desk.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRecordRepository extends JpaRepository<CaseRecord, Long> {
}
