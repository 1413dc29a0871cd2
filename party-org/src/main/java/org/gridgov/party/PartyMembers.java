package org.gridgov.party;

import java.util.List;

import org.gridgov.grid.PageResult;

/** 党员 — party members managed by organizations within the caller's data scope. */
public interface PartyMembers {

    /** Members of the organizations attached to a unit's subtree, or of one organization when given. */
    PageResult<MemberView> search(long unitId, Long organizationId, int page, int size);

    MemberView get(long id);

    MemberView create(NewMember command);

    /** Moves the member and records the move; earlier moves stay in the history. */
    MemberView transfer(long id, MemberTransfer transfer, String recordedBy);

    /** Every move of the member, oldest first. */
    List<TransferView> transfers(long id);

    CentralHouseholdView designateCentralHousehold(NewCentralHousehold command);

    List<CentralHouseholdView> centralHouseholds(long partyGroupId);
}
