package org.gridgov.web.grid.departments;

import java.util.List;

import org.gridgov.web.grid.departments.DepartmentJson.DepartmentDetail;
import org.gridgov.web.grid.departments.DepartmentJson.DepartmentNameChange;
import org.gridgov.web.grid.departments.DepartmentJson.DepartmentView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Departments' mapping: their views to the API's records. */
@Mapper
interface DepartmentMapper {

    @Mapping(target = "county", expression = "java(department.county())")
    @Mapping(target = "retired", expression = "java(department.retired())")
    DepartmentView toJson(org.gridgov.grid.DepartmentView department);

    List<DepartmentView> toJson(List<org.gridgov.grid.DepartmentView> departments);

    DepartmentNameChange toJson(org.gridgov.grid.DepartmentView.NameChange change);

    @Mapping(target = "county", expression = "java(department.county())")
    @Mapping(target = "retired", expression = "java(department.retired())")
    @Mapping(target = "history", source = "history")
    DepartmentDetail toDetail(org.gridgov.grid.DepartmentView department,
                              List<org.gridgov.grid.DepartmentView.NameChange> history);
}
