package org.gridgov.party;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Approve or reject a registration; a rejection needs a reason. {@code version} as read. */
public record RegistrationDecision(boolean approve, @Size(max = 500) String reason, @NotNull Long version) {
}
