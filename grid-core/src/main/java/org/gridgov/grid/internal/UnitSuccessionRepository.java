package org.gridgov.grid.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnitSuccessionRepository extends JpaRepository<UnitSuccession, UnitSuccession.Key> {
}
