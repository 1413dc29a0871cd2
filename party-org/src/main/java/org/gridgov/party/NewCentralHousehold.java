package org.gridgov.party;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Make a member's household a central household (党员中心户) under a party group, linked to 5–15 neighbouring
 * households (the count is a domain rule, checked by the service with a clear message).
 */
public record NewCentralHousehold(@NotNull Long memberId, @NotNull Long partyGroupId,
                                  @NotNull @Size(max = 100) List<Long> neighbourHouseholdIds) {
}
