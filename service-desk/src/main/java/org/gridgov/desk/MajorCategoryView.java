package org.gridgov.desk;

import java.util.List;

/** 大类 — a major category with its minor categories, in code order. */
public record MajorCategoryView(String code, String name, String nameEn, List<CategoryView> minors) {

    public MajorCategoryView {
        minors = List.copyOf(minors);
    }
}
