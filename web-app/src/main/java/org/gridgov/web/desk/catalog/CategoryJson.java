package org.gridgov.web.desk.catalog;

import java.util.List;

import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.LimitUnit;

/** The catalog API's answers; the names are those of the published OpenAPI schemas. */
final class CategoryJson {

    private CategoryJson() {
    }

    /** A major category with its minor categories, in code order. */
    record MajorCategoryView(String code, String name, String nameEn, List<CategoryView> minors) {
    }

    /** A category: a minor one carries the handling level, the conditions and the time limits per stage. */
    record CategoryView(String code, String majorCode, String name, String nameEn, HandlingLevel handlingLevel,
                        String filingCondition, String closingCondition, TimeLimit sign, TimeLimit handle,
                        TimeLimit verify, long version) {
    }

    /** Yellow after {@code yellow}, red (overdue) after {@code red}, counted in {@code unit}. */
    record TimeLimit(int yellow, int red, LimitUnit unit) {
    }
}
