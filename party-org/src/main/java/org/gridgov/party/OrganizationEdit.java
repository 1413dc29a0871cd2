package org.gridgov.party;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Rename an organization, change its secretary, founding date or member units; {@code version} as read. */
public record OrganizationEdit(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 50) String secretaryName,
        LocalDate foundedOn,
        @Valid @Size(max = 30) List<MemberUnit> memberUnits,
        @NotNull Long version) {
}
