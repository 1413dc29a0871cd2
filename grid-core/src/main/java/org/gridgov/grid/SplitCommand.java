package org.gridgov.grid;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 拆分 — split a community or grid into several new units under the same parent. Each part lists the child units
 * and households it takes; whatever no part lists goes to the first part.
 */
public record SplitCommand(
        @NotNull Long unitId,
        @NotNull LocalDate effectiveDate,
        @NotNull @Size(min = 2, max = 20) List<@Valid Part> parts,
        @Size(max = 500) String reason) {

    public record Part(
            @NotBlank @Pattern(regexp = "[0-9]{3}", message = "{unit.codeSuffix.invalid}") String codeSuffix,
            @NotBlank @Size(max = 100) String name,
            List<Long> childUnitIds,
            List<Long> householdIds) {

        public List<Long> childUnitIds() {
            return childUnitIds == null ? List.of() : childUnitIds;
        }

        public List<Long> householdIds() {
            return householdIds == null ? List.of() : householdIds;
        }
    }
}
