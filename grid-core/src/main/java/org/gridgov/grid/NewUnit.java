package org.gridgov.grid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create a unit under a parent; the code must extend the parent's code by three digits. */
public record NewUnit(
        @NotNull Long parentId,
        @NotNull UnitLevel level,
        @NotBlank @Pattern(regexp = "[0-9]{3}", message = "{unit.codeSuffix.invalid}") String codeSuffix,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String address) {
}
