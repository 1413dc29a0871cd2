package org.gridgov.web.desk.dashboard;

import java.util.List;

import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.FigureRow;
import org.gridgov.web.desk.dashboard.StatsApi.Figures;
import org.gridgov.web.desk.dashboard.StatsApi.Row;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * The case figures to the statistics API's records: the counts as they are, each rate a number with two decimals
 * or null where its denominator is 0.
 */
@Mapper
interface StatsMapper {

    @Mapping(target = "closureRate", expression = "java(figures.closureRate().orElse(null))")
    @Mapping(target = "onTimeRate", expression = "java(figures.onTimeRate().orElse(null))")
    @Mapping(target = "reworkRate", expression = "java(figures.reworkRate().orElse(null))")
    @Mapping(target = "extensionRate", expression = "java(figures.extensionRate().orElse(null))")
    @Mapping(target = "onSpotRate", expression = "java(figures.onSpotRate().orElse(null))")
    @Mapping(target = "callbackRate", expression = "java(figures.callbackRate().orElse(null))")
    @Mapping(target = "satisfactionRate", expression = "java(figures.satisfactionRate().orElse(null))")
    @Mapping(target = "averageHandlingHours", expression = "java(figures.averageHandlingHours().orElse(null))")
    Figures toJson(CaseFigures figures);

    List<Row> toRows(List<FigureRow> rows);
}
