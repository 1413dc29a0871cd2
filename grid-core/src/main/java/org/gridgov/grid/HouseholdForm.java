package org.gridgov.grid;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Create or edit a household. Entrance (单元) and room (室) are given for apartments and left empty for self-built
 * houses; the house code is derived from the unit's code. {@code version} is required when editing.
 */
public record HouseholdForm(
        @NotNull Long unitId,
        @Min(1) @Max(99) Integer entrance,
        @Min(1) @Max(9999) Integer room,
        @NotBlank @Size(max = 200) String address,
        @NotNull HouseholdTag tag,
        @Size(max = 200) String tagReason,
        Long version) {
}
