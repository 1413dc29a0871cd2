package org.gridgov.grid.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.gridgov.grid.HouseholdTag;

/** The visit interval for one household colour. */
@Entity
@Table(schema = "grid", name = "tag_visit_rule")
class TagVisitRule {

    @Id
    @Enumerated(EnumType.STRING)
    private HouseholdTag tag;

    private int intervalDays;

    private Instant updatedAt;

    private String updatedBy;

    protected TagVisitRule() {
    }

    void change(int days, String by, Instant at) {
        this.intervalDays = days;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    HouseholdTag tag() {
        return tag;
    }

    int intervalDays() {
        return intervalDays;
    }
}
