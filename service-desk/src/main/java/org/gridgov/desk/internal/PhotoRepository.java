package org.gridgov.desk.internal;

import java.util.Collection;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PhotoRepository extends JpaRepository<PhotoRecord, Long> {

    @Query("select count(p) from PhotoRecord p where p.id in :ids")
    long countVisible(@Param("ids") Collection<Long> ids);
}
