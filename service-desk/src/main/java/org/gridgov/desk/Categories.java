package org.gridgov.desk;

import java.util.List;
import java.util.Optional;

/** 事件分类目录 — the two-level catalog of case categories with their handling rules; administrators edit it. */
public interface Categories {

    /** Every major category with its minors, in code order. */
    List<MajorCategoryView> tree();

    /** The minor categories by code, in the tree's order: what a list page names a case's category with. */
    default java.util.Map<String, CategoryView> minorsByCode() {
        java.util.Map<String, CategoryView> map = new java.util.LinkedHashMap<>();
        for (MajorCategoryView major : tree()) {
            major.minors().forEach(c -> map.put(c.code(), c));
        }
        return map;
    }

    /** A major or minor category by its 4-digit code. */
    Optional<CategoryView> find(String code);

    /**
     * Changes a minor category's level, conditions and limits. Throws {@link org.gridgov.grid.NotFoundException} for
     * an unknown code, {@link org.gridgov.grid.StaleVersionException} when someone changed it since {@code version},
     * and a {@link org.gridgov.grid.DomainException} for a broken rule; nothing is saved then.
     */
    CategoryView update(String code, CategoryEdit edit, String updatedBy);

    /**
     * Adds a major or minor category ({@link NewCategory} gives the code rules). A
     * {@link org.gridgov.grid.DomainException} on the field at fault for a malformed or taken code, a missing major, a
     * missing or over-long name or a broken rule; nothing is saved then.
     */
    CategoryView create(NewCategory category, String createdBy);

    /**
     * 分拨 — sets the department a minor category's cases go to by default (null: none), at the version the admin
     * saw. The department must be an active county department.
     */
    CategoryView route(String code, Long departmentId, long version, String updatedBy);
}
