package org.gridgov.web.desk.dashboard;

import java.util.List;

import org.gridgov.desk.DepartmentStats;
import org.gridgov.grid.DepartmentView;
import org.gridgov.web.desk.dashboard.DepartmentStatsApi.DepartmentFigures;
import org.gridgov.web.desk.dashboard.DepartmentStatsApi.DepartmentRef;
import org.gridgov.web.desk.dashboard.DepartmentStatsApi.DepartmentRow;
import org.gridgov.web.desk.dashboard.DepartmentStatsApi.MisdispatchRow;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The department figures to the statistics API's records: counts as they are, each rate a number or null. */
@Mapper
interface DepartmentStatsMapper {

    @Mapping(target = "signOnTimeRate", expression = "java(figures.signOnTimeRate().orElse(null))")
    @Mapping(target = "completionOnTimeRate", expression = "java(figures.completionOnTimeRate().orElse(null))")
    @Mapping(target = "returnRate", expression = "java(figures.returnRate().orElse(null))")
    @Mapping(target = "satisfactionRate", expression = "java(figures.satisfactionRate().orElse(null))")
    @Mapping(target = "averageHandlingHours", expression = "java(figures.averageHandlingHours().orElse(null))")
    DepartmentFigures toJson(org.gridgov.desk.DepartmentFigures figures);

    @Mapping(target = "county", expression = "java(department.county())")
    DepartmentRef toJson(DepartmentView department);

    DepartmentRow toJson(DepartmentStats.Row row);

    List<DepartmentRow> toRows(List<DepartmentStats.Row> rows);

    List<MisdispatchRow> toMisdispatches(List<DepartmentStats.Misdispatches> misdispatches);
}
