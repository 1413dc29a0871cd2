package org.gridgov.web.desk.cases;

import java.util.List;

import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActionFields;
import org.gridgov.desk.DepartmentStage;
import org.gridgov.desk.Photos;
import org.gridgov.web.desk.cases.CaseJson.CaseActionParams;
import org.gridgov.web.desk.cases.CaseJson.CaseDetail;
import org.gridgov.web.desk.cases.CaseJson.CaseTimelineEntry;
import org.gridgov.web.desk.cases.CaseJson.CaseView;
import org.gridgov.web.desk.cases.CaseJson.DepartmentPart;
import org.gridgov.web.desk.cases.CaseJson.PhotoInfo;
import org.gridgov.web.support.PageResult;
import org.mapstruct.Mapper;

/** Cases' answers: service-desk's views to the API's records ({@link CaseJson}); the patrol API uses it too. */
@Mapper
public interface CaseJsonMapper {

    CaseView toJson(org.gridgov.desk.CaseView view);

    List<CaseView> toCases(List<org.gridgov.desk.CaseView> views);

    default PageResult<CaseView> toJson(org.gridgov.grid.PageResult<org.gridgov.desk.CaseView> page) {
        return PageResult.of(page, this::toJson);
    }

    CaseTimelineEntry toJson(org.gridgov.desk.CaseTimelineEntry entry);

    List<CaseTimelineEntry> toTimeline(List<org.gridgov.desk.CaseTimelineEntry> timeline);

    CaseActionParams toJson(CaseActionFields fields);

    PhotoInfo toJson(Photos.PhotoInfo photo);

    default CaseDetail toDetail(org.gridgov.desk.CaseView caseFile, List<org.gridgov.desk.CaseTimelineEntry> timeline,
                                List<CaseAction> availableActions, List<org.gridgov.desk.CaseView> possibleDuplicates,
                                List<DepartmentPart> departments) {
        return new CaseDetail(toJson(caseFile), toTimeline(timeline), availableActions,
                toCases(possibleDuplicates), departments);
    }

    /** One department's part, named by {@code name} (the department's name, or its id when it cannot be read). */
    default DepartmentPart toJson(DepartmentStage stage, String name) {
        return new DepartmentPart(stage.departmentId(), name, stage.lead(), stage.dispatchedAt(), stage.signedAt(),
                stage.reportedAt(), stage.returned(), stage.current());
    }
}
