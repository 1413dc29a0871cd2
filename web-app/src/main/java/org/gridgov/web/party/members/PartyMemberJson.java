package org.gridgov.web.party.members;

import java.time.LocalDate;
import java.util.List;

import org.gridgov.party.MemberCategory;

/** The party member API's answers; the names are those of the published OpenAPI schemas. */
final class PartyMemberJson {

    private PartyMemberJson() {
    }

    /** A party member with the organization they belong to. */
    record MemberView(long id, long residentId, String name, long organizationId, String organizationName,
                      MemberCategory category, String workUnit, LocalDate joinedOn, boolean deputy, long version) {
    }

    /** A member's transfer from one organization to another. */
    record TransferView(long id, long fromOrganizationId, String fromOrganizationName, long toOrganizationId,
                        String toOrganizationName, LocalDate transferredOn, String reason, String recordedBy) {
    }

    /** A central household (中心户) kept by a member, with its neighbours. */
    record CentralHouseholdView(long id, long memberId, String memberName, long householdId, long partyGroupId,
                                List<Long> neighbourHouseholdIds) {
    }
}
