package org.gridgov.web.party.members;

import java.util.List;

import org.gridgov.web.party.members.PartyMemberJson.CentralHouseholdView;
import org.gridgov.web.party.members.PartyMemberJson.MemberView;
import org.gridgov.web.party.members.PartyMemberJson.TransferView;
import org.gridgov.web.support.PageResult;
import org.mapstruct.Mapper;

/** Party members' views to the API's records (the API and the pages bind the domain's commands directly). */
@Mapper
interface PartyMemberMapper {

    MemberView toJson(org.gridgov.party.MemberView member);

    default PageResult<MemberView> toJson(org.gridgov.grid.PageResult<org.gridgov.party.MemberView> page) {
        return PageResult.of(page, this::toJson);
    }

    List<TransferView> toTransfers(List<org.gridgov.party.TransferView> transfers);

    CentralHouseholdView toJson(org.gridgov.party.CentralHouseholdView household);

    List<CentralHouseholdView> toCentralHouseholds(List<org.gridgov.party.CentralHouseholdView> households);
}
