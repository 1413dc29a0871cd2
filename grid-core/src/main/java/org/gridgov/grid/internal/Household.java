package org.gridgov.grid.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.grid.HouseholdTag;
import org.hibernate.annotations.Filter;

/** 户 — a household with its house code (房屋编码), place in the hierarchy and colour tag. */
@Entity
@Table(schema = "grid", name = "household")
@Filter(name = ScopeFilter.NAME, condition = "unit_path like :" + ScopeFilter.PARAM)
class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String houseCode;

    private Long unitId;

    private String unitPath;

    private Short entrance;

    private Integer room;

    private String address;

    @Enumerated(EnumType.STRING)
    private HouseholdTag tag;

    private String tagReason;

    @Version
    @Column(nullable = false)
    private long version;

    /** The base of the first visit's due date (grid-work), so written from the platform's clock, not the database's. */
    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    protected Household() {
    }

    Household(String houseCode, Unit unit, Integer entrance, Integer room, Instant at) {
        this.houseCode = houseCode;
        this.unitId = unit.id();
        this.unitPath = unit.path();
        this.entrance = entrance == null ? null : entrance.shortValue();
        this.room = room;
        this.createdAt = at;
        this.updatedAt = at;
    }

    void describe(String address, HouseholdTag tag, String tagReason, Instant at) {
        this.address = address;
        this.tag = tag;
        this.tagReason = tagReason;
        this.updatedAt = at;
    }

    void placeIn(Unit unit, Instant at) {
        this.unitId = unit.id();
        this.unitPath = unit.path();
        this.updatedAt = at;
    }

    Long id() {
        return id;
    }

    String houseCode() {
        return houseCode;
    }

    Long unitId() {
        return unitId;
    }

    String unitPath() {
        return unitPath;
    }

    Integer entrance() {
        return entrance == null ? null : entrance.intValue();
    }

    Integer room() {
        return room;
    }

    String address() {
        return address;
    }

    HouseholdTag tag() {
        return tag;
    }

    String tagReason() {
        return tagReason;
    }

    long version() {
        return version;
    }
}
