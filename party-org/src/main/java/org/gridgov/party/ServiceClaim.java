package org.gridgov.party;

import jakarta.validation.constraints.NotNull;

/** A registered member or unit (its approved 双报到 registration) claims an open need or wish seen at a version. */
public record ServiceClaim(@NotNull RegistrationKind claimerKind, @NotNull Long registrationId,
                           @NotNull Long version) {
}
