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

    private Instant updatedAt;

    protected Household() {
    }

    Household(String houseCode, Unit unit, Integer entrance, Integer room) {
        this.houseCode = houseCode;
        this.unitId = unit.id();
        this.unitPath = unit.path();
        this.entrance = entrance == null ? null : entrance.shortValue();
        this.room = room;
        this.updatedAt = Instant.now();
    }

    void describe(String address, HouseholdTag tag, String tagReason) {
        this.address = address;
        this.tag = tag;
        this.tagReason = tagReason;
        this.updatedAt = Instant.now();
    }

    void placeIn(Unit unit) {
        this.unitId = unit.id();
        this.unitPath = unit.path();
        this.updatedAt = Instant.now();
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
