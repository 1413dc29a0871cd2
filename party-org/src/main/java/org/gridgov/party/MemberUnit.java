package org.gridgov.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A member unit of a joint organization: its name and kind. */
public record MemberUnit(@NotBlank @Size(max = 100) String name, @NotNull MemberUnitKind kind) {
}
