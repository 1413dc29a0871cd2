package org.gridgov.web.desk.catalog;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.LimitUnit;

/** The catalog API's answers; the names are those of the published OpenAPI schemas. */
final class CategoryJson {

    private CategoryJson() {
    }

    /** A major category with its minor categories, in code order. */
    record MajorCategoryView(String code, String name, String nameEn, List<CategoryView> minors) {
    }

    /**
     * A category: a minor one carries the handling level, the conditions, the time limits per stage and the county
     * department its cases go to by default (分拨; null: none).
     */
    record CategoryView(String code, String majorCode, String name, String nameEn, HandlingLevel handlingLevel,
                        String filingCondition, String closingCondition, TimeLimit sign, TimeLimit handle,
                        TimeLimit verify, long version, Long defaultDepartmentId) {
    }

    /** 分拨 — the county department a minor category's cases go to by default (null: none), at the version read. */
    record CategoryRoute(Long departmentId, @NotNull Long version) {
    }

    /** Yellow after {@code yellow}, red (overdue) after {@code red}, counted in {@code unit}. */
    record TimeLimit(int yellow, int red, LimitUnit unit) {
    }
}
