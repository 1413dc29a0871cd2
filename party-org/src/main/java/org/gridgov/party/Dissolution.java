package org.gridgov.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** Dissolve (撤销) an organization from a day on; {@code version} as read. */
public record Dissolution(@NotNull LocalDate validTo, @NotNull Long version) {
}
