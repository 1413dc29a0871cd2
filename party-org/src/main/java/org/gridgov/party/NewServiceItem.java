package org.gridgov.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A need (with its term) or a micro-wish (for a resident) posted for a community or one of its grids; the kind
 * may be left out where the endpoint says it.
 */
public record NewServiceItem(ServiceItemKind kind, @NotNull Long unitId, @NotBlank @Size(max = 100) String title,
                             @Size(max = 2000) String description, NeedTerm term, Long residentId) {
}
