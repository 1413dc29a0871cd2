package org.gridgov.web.desk.catalog;

import java.util.List;

import org.gridgov.web.desk.catalog.CategoryJson.CategoryView;
import org.gridgov.web.desk.catalog.CategoryJson.MajorCategoryView;
import org.mapstruct.Mapper;

/** The catalog's views to the API's records (the edit form and body bind the domain's CategoryEdit directly). */
@Mapper
interface CategoryMapper {

    List<MajorCategoryView> toJson(List<org.gridgov.desk.MajorCategoryView> tree);

    CategoryView toJson(org.gridgov.desk.CategoryView category);
}
