package org.gridgov.party;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One side's evaluation of one registered member or unit (given by its approved registration) for a year. */
public record NewEvaluation(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull EvaluationSide side,
                            @NotNull RegistrationKind subjectKind, @NotNull Long registrationId,
                            @NotNull EvaluationGrade grade, @Size(max = 1000) String comment) {
}
