package org.gridgov.grid;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 调整隶属 — move a unit under another parent. Its code depends on the parent, so a successor with a new code takes
 * its place and its children; the old unit is retired. A blank name keeps the old name.
 */
public record MoveCommand(
        @NotNull Long unitId,
        @NotNull Long newParentId,
        @NotNull LocalDate effectiveDate,
        @Pattern(regexp = "[0-9]{3}", message = "{unit.codeSuffix.invalid}") String codeSuffix,
        @Size(max = 100) String name,
        @Size(max = 500) String reason) {
}
