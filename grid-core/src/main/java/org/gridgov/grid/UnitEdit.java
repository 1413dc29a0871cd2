package org.gridgov.grid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Rename a unit or change its address; the version is the one the user saw. */
public record UnitEdit(@NotBlank @Size(max = 100) String name, @Size(max = 200) String address,
                       @NotNull Long version) {
}
