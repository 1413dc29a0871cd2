package org.gridgov.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A work-unit party organization (驻区单位党组织) registers with the community where it is located, or with a grid of
 * that community: what it offers and the agreement (共建协议).
 */
public record NewUnitRegistration(
        @NotNull Long unitId,
        @NotBlank @Size(max = 100) String unitName,
        @NotBlank @Size(max = 200) String address,
        @NotBlank @Size(max = 2000) String resources,
        @Size(max = 4000) String agreement) {
}
