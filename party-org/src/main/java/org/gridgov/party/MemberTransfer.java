package org.gridgov.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Move a member to another organization (组织关系转接); {@code version} as read. */
public record MemberTransfer(@NotNull Long toOrganizationId, @NotNull LocalDate transferredOn,
                             @NotBlank @Size(max = 200) String reason, @NotNull Long version) {
}
