package org.gridgov.web.work.patrols;

import java.util.List;

import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.web.work.patrols.PatrolJson.PatrolDetail;
import org.gridgov.web.work.patrols.PatrolJson.PatrolMonthRow;
import org.gridgov.web.work.patrols.PatrolJson.PatrolPointsResult;
import org.gridgov.web.work.patrols.PatrolJson.PatrolView;
import org.gridgov.work.PatrolPointBatch;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Patrols' mapping: a finding on the way, from the API's body or the page's form, to the one case command (channel
 * PATROL, the grid filled in by the patrol), route points to their batch, and the domain's views to the API's
 * records.
 */
@Mapper(imports = RequestNature.class)
interface PatrolMapper {

    @Mapping(target = "gridUnitId", constant = "0L")
    @Mapping(target = "nature", expression = "java(finding.nature() == null ? RequestNature.REPORT : finding.nature())")
    @Mapping(target = "channel", constant = "PATROL")
    @Mapping(target = "urgent", expression = "java(Boolean.TRUE.equals(finding.urgent()))")
    @Mapping(target = "reporterName", ignore = true)
    @Mapping(target = "reporterPhone", ignore = true)
    NewCase toCase(PatrolApi.Finding finding);

    /** The page's finding with the photos already stored (none, or the one uploaded with it). */
    @Mapping(target = "gridUnitId", constant = "0L")
    @Mapping(target = "channel", constant = "PATROL")
    @Mapping(target = "reporterName", ignore = true)
    @Mapping(target = "reporterPhone", ignore = true)
    @Mapping(target = "photos", source = "photos")
    NewCase toCase(PatrolCaseForm form, List<Long> photos);

    PatrolPointBatch toBatch(PatrolApi.Batch batch);

    PatrolView toJson(org.gridgov.work.PatrolView patrol);

    List<PatrolView> toPatrols(List<org.gridgov.work.PatrolView> patrols);

    PatrolPointsResult toJson(org.gridgov.work.PatrolPointsResult result);

    PatrolDetail toJson(org.gridgov.work.PatrolDetail detail);

    List<PatrolMonthRow> toMonthRows(List<org.gridgov.work.PatrolMonthRow> rows);
}
