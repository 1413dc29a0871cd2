package org.gridgov.party;

import jakarta.validation.constraints.NotNull;

/** An in-service member (在职党员) registers with the community or grid where they live. */
public record NewMemberRegistration(@NotNull Long memberId, @NotNull Long unitId) {
}
