package org.gridgov.party;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A note with the version seen: the resident's word when a community or grid worker confirms a service, the reason
 * when an item is cancelled. Required in both cases.
 */
public record ServiceNote(@Size(max = 500) String note, @NotNull Long version) {
}
