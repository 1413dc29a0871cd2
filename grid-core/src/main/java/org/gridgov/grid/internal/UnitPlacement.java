package org.gridgov.grid.internal;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Filter;

/** Where a unit hung, and under which code, from one day to another. */
@Entity
@Table(schema = "grid", name = "unit_placement")
@Filter(name = ScopeFilter.NAME, condition = "path like :" + ScopeFilter.PARAM)
class UnitPlacement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long unitId;

    private Long parentId;

    private String path;

    private String code;

    private LocalDate validFrom;

    private LocalDate validTo;

    protected UnitPlacement() {
    }

    UnitPlacement(Unit unit, LocalDate from) {
        this.unitId = unit.id();
        this.parentId = unit.parentId();
        this.path = unit.path();
        this.code = unit.code();
        this.validFrom = from;
    }

    /** Ends the placement; one that began after that day ends on its own first day. */
    void close(LocalDate on) {
        this.validTo = on.isBefore(validFrom) ? validFrom : on;
    }

    Long unitId() {
        return unitId;
    }
}
