package org.gridgov.web.grid.households;

import java.util.List;

import org.gridgov.grid.HouseholdForm;
import org.gridgov.web.grid.households.HouseholdJson.HouseholdPlacementView;
import org.gridgov.web.grid.households.HouseholdJson.HouseholdView;
import org.gridgov.web.grid.residents.ResidentMapper;
import org.gridgov.web.grid.residents.ResidentView;
import org.gridgov.web.support.PageResult;
import org.mapstruct.Mapper;

/** Households' mapping: their views to the API's records, a household to its edit form. */
@Mapper(uses = ResidentMapper.class)
interface HouseholdMapper {

    HouseholdView toJson(org.gridgov.grid.HouseholdView household);

    default PageResult<HouseholdView> toJson(org.gridgov.grid.PageResult<org.gridgov.grid.HouseholdView> page) {
        return PageResult.of(page, this::toJson);
    }

    List<HouseholdPlacementView> toHistory(List<org.gridgov.grid.HouseholdPlacementView> history);

    List<ResidentView> toMembers(List<org.gridgov.grid.ResidentView> members);

    HouseholdForm toForm(org.gridgov.grid.HouseholdView household);
}
