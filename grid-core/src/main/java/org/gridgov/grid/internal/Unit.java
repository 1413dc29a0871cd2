package org.gridgov.grid.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/** A node of the hierarchy (区县, 街道, 社区, 网格, 小区, 楼栋), with its materialized path. */
@Entity
@Table(schema = "grid", name = "unit")
@FilterDef(name = ScopeFilter.NAME, autoEnabled = true, applyToLoadByKey = true,
        parameters = {@ParamDef(name = ScopeFilter.PARAM, type = String.class, resolver = ScopeFilter.class),
                @ParamDef(name = DataScope.DEPARTMENT_PARAM, type = Long.class, resolver = DepartmentScopeFilter.class)})
@Filter(name = ScopeFilter.NAME, condition = "path like :" + ScopeFilter.PARAM)
class Unit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private UnitLevel level;

    private Short gridTier;

    private String code;

    private String name;

    private Long parentId;

    private String path;

    private String address;

    private LocalDate validFrom;

    private LocalDate validTo;

    @Version
    @Column(nullable = false)
    private long version;

    protected Unit() {
    }

    Unit(UnitLevel level, Integer gridTier, String code, String name, Unit parent, String address,
         LocalDate validFrom) {
        if (parent != null && !parent.level.accepts(level)) {
            throw new IllegalArgumentException(level + " cannot hang under " + parent.level);
        }
        this.level = level;
        this.gridTier = gridTier == null ? null : gridTier.shortValue();
        this.code = code;
        this.name = name;
        this.parentId = parent == null ? null : parent.id;
        // the final path ends with the id, known only after the insert: see placeUnder
        this.path = (parent == null ? "/" : parent.path) + "new/";
        this.address = address;
        this.validFrom = validFrom;
    }

    /** A department (职能部门) under a county or a street; not part of the territorial hierarchy. */
    static Unit department(String code, String name, Unit parent, LocalDate validFrom) {
        if (!parent.level.holdsDepartments()) {
            throw new IllegalArgumentException("a department hangs under a county or a street, not " + parent.level);
        }
        Unit unit = new Unit();
        unit.level = UnitLevel.DEPARTMENT;
        unit.code = code;
        unit.name = name;
        unit.parentId = parent.id;
        unit.path = parent.path + "new/";
        unit.validFrom = validFrom;
        return unit;
    }

    /** Called once the id is known: the path ends with the unit's own id. */
    void placeUnder(String parentPath) {
        this.path = (parentPath == null ? "/" : parentPath) + id + "/";
    }

    void moveUnder(Unit parent, String newPath, String newCode) {
        this.parentId = parent.id;
        this.path = newPath;
        this.code = newCode;
    }

    void rehome(String newPath, String newCode) {
        this.path = newPath;
        this.code = newCode;
    }

    void retire(LocalDate on) {
        this.validTo = on;
    }

    void rename(String name, String address) {
        this.name = name;
        this.address = address;
    }

    boolean activeOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    UnitView view() {
        return new UnitView(id, level, gridTier == null ? null : gridTier.intValue(), code, name, parentId, address,
                validFrom, validTo, version);
    }

    boolean territorial() {
        return level.territorial();
    }

    Long id() {
        return id;
    }

    UnitLevel level() {
        return level;
    }

    Integer gridTier() {
        return gridTier == null ? null : gridTier.intValue();
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    Long parentId() {
        return parentId;
    }

    String path() {
        return path;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validTo() {
        return validTo;
    }

    long version() {
        return version;
    }

    int depth() {
        return path.split("/").length - 1;
    }
}
