package org.gridgov.desk.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.desk.CategoryEdit;
import org.gridgov.desk.CategoryView;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.LimitUnit;
import org.gridgov.desk.TimeLimit;
import org.gridgov.grid.DomainException;

/** A category of the catalog; only minor categories carry rules, and only they are edited. */
@Entity
@Table(schema = "desk", name = "category")
class Category {

    @Id
    private String code;

    private String majorCode;

    private String name;

    private String nameEn;

    @Enumerated(EnumType.STRING)
    private HandlingLevel handlingLevel;

    private String filingCondition;

    private String closingCondition;

    private Integer signYellow;
    private Integer signRed;
    @Enumerated(EnumType.STRING)
    private LimitUnit signUnit;

    private Integer handleYellow;
    private Integer handleRed;
    @Enumerated(EnumType.STRING)
    private LimitUnit handleUnit;

    private Integer verifyYellow;
    private Integer verifyRed;
    @Enumerated(EnumType.STRING)
    private LimitUnit verifyUnit;

    @Version
    private long version;

    /** 分拨: the department its cases go to by default (a grid.unit of level DEPARTMENT), null when not set. */
    private Long defaultDepartmentId;

    private Instant updatedAt;

    private String updatedBy;

    protected Category() {
    }

    /** A new category: a major one has no rules; a minor one gets them with {@link #edit} before it is saved. */
    Category(String code, String majorCode, String name, String nameEn, String by, Instant at) {
        this.code = code;
        this.majorCode = majorCode;
        this.name = name;
        this.nameEn = nameEn;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    boolean major() {
        return majorCode == null;
    }

    String code() {
        return code;
    }

    String majorCode() {
        return majorCode;
    }

    long version() {
        return version;
    }

    /** Checks the whole edit first, then changes: a refused edit leaves the category as it was. */
    void edit(CategoryEdit edit, String by, Instant at) {
        if (major()) {
            throw new DomainException("category.notMinor", code);
        }
        HandlingLevel level = edit.level();
        String filing = edit.filing();
        String closing = edit.closing();
        TimeLimit sign = edit.limit(DeadlineStage.SIGN);
        TimeLimit handle = edit.limit(DeadlineStage.HANDLE);
        TimeLimit verify = edit.limit(DeadlineStage.VERIFY);
        this.handlingLevel = level;
        this.filingCondition = filing;
        this.closingCondition = closing;
        this.signYellow = sign.yellow();
        this.signRed = sign.red();
        this.signUnit = sign.unit();
        this.handleYellow = handle.yellow();
        this.handleRed = handle.red();
        this.handleUnit = handle.unit();
        this.verifyYellow = verify.yellow();
        this.verifyRed = verify.red();
        this.verifyUnit = verify.unit();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Sets (or clears, with null) the default department; the caller has checked that it is one. */
    void routeTo(Long departmentId, String by, Instant at) {
        if (major()) {
            throw new DomainException("category.notMinor", code);
        }
        this.defaultDepartmentId = departmentId;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    CategoryView view() {
        return new CategoryView(code, majorCode, name, nameEn, handlingLevel, filingCondition, closingCondition,
                limit(signYellow, signRed, signUnit), limit(handleYellow, handleRed, handleUnit),
                limit(verifyYellow, verifyRed, verifyUnit), version, defaultDepartmentId);
    }

    private static TimeLimit limit(Integer yellow, Integer red, LimitUnit unit) {
        return unit == null ? null : new TimeLimit(yellow, red, unit);
    }
}
