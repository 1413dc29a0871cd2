package org.gridgov.grid.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface RestructuringRepository extends JpaRepository<Restructuring, Long> {
}
