package org.gridgov.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A resource (offered by a registered unit or member, given by its registration) or a project of a community. */
public record NewOffer(@NotNull OfferKind kind, @NotNull Long unitId, @NotBlank @Size(max = 100) String title,
                       @Size(max = 2000) String description, RegistrationKind providerKind,
                       Long providerRegistrationId) {
}
