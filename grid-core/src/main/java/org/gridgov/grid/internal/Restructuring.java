package org.gridgov.grid.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.gridgov.grid.RestructuringKind;

/** One split, merge or move, as performed. */
@Entity
@Table(schema = "grid", name = "restructuring")
class Restructuring {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private RestructuringKind kind;

    private LocalDate effectiveDate;

    private String reason;

    private String performedBy;

    private Instant performedAt;

    protected Restructuring() {
    }

    Restructuring(RestructuringKind kind, LocalDate effectiveDate, String reason, String performedBy,
                  Instant performedAt) {
        this.kind = kind;
        this.effectiveDate = effectiveDate;
        this.reason = reason;
        this.performedBy = performedBy;
        this.performedAt = performedAt;
    }

    Long id() {
        return id;
    }
}
