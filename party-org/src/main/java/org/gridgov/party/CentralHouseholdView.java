package org.gridgov.party;

import java.util.List;

/** A central household: the member, their household, the party group, and the households it looks after. */
public record CentralHouseholdView(long id, long memberId, String memberName, long householdId, long partyGroupId,
                                   List<Long> neighbourHouseholdIds) {
}
