package org.gridgov.grid.internal;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Filter;

/** The record of a household's place over a period; a move closes one and opens the next. */
@Entity
@Table(schema = "grid", name = "household_placement")
@Filter(name = ScopeFilter.NAME, condition = "unit_path like :" + ScopeFilter.PARAM)
class HouseholdPlacement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long householdId;

    private Long unitId;

    private String unitPath;

    private LocalDate validFrom;

    private LocalDate validTo;

    private Long restructuringId;

    protected HouseholdPlacement() {
    }

    HouseholdPlacement(Household household, LocalDate from, Long restructuringId) {
        this.householdId = household.id();
        this.unitId = household.unitId();
        this.unitPath = household.unitPath();
        this.validFrom = from;
        this.restructuringId = restructuringId;
    }

    /** Ends the placement; one that began after that day ends on its own first day. */
    void close(LocalDate on) {
        this.validTo = on.isBefore(validFrom) ? validFrom : on;
    }

    Long unitId() {
        return unitId;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validTo() {
        return validTo;
    }

    Long restructuringId() {
        return restructuringId;
    }
}
