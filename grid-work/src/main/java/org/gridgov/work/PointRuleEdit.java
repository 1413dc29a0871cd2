package org.gridgov.work;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A district admin's change to a rule, at the version they saw; it pays for events from then on only. */
public record PointRuleEdit(@NotNull @Min(0) @Max(1000) Integer points, boolean enabled,
                            @NotNull LocalDate validFrom, @NotNull Long version) {
}
