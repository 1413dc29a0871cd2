package org.gridgov.grid;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 合并 — merge several units of one level and parent into a new one that takes all their children. */
public record MergeCommand(
        @NotNull @Size(min = 2, max = 20) List<Long> unitIds,
        @NotNull LocalDate effectiveDate,
        @NotBlank @Pattern(regexp = "[0-9]{3}", message = "{unit.codeSuffix.invalid}") String codeSuffix,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 500) String reason) {
}
