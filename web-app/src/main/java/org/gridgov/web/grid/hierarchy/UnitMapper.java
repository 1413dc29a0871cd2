package org.gridgov.web.grid.hierarchy;

import java.util.List;

import org.gridgov.grid.NewUnit;
import org.gridgov.grid.UnitEdit;
import org.gridgov.web.grid.hierarchy.UnitJson.ChildUnit;
import org.gridgov.web.grid.hierarchy.UnitJson.StaffView;
import org.gridgov.web.grid.hierarchy.UnitJson.UnitSummary;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The hierarchy's mapping: its views to the API's records, and the page forms to its commands. */
@Mapper
interface UnitMapper {

    UnitView toJson(org.gridgov.grid.UnitView unit);

    List<UnitView> toJson(List<org.gridgov.grid.UnitView> units);

    ChildUnit toJson(org.gridgov.grid.ChildUnit child);

    List<ChildUnit> toChildren(List<org.gridgov.grid.ChildUnit> children);

    UnitSummary toJson(org.gridgov.grid.UnitSummary summary);

    StaffView toJson(org.gridgov.grid.StaffView staff);

    List<StaffView> toStaff(List<org.gridgov.grid.StaffView> staff);

    /** The child-unit form under the parent of the page's path (the form's own parent id is not trusted). */
    @Mapping(target = "parentId", source = "parentId")
    NewUnit toCommand(NewUnit form, long parentId);

    UnitEdit toEditForm(org.gridgov.grid.UnitView unit);
}
