package org.gridgov.party;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The claimer reports the service done, with the hours it took. */
public record ServiceCompletion(@NotNull @DecimalMin("0.5") @DecimalMax("999") BigDecimal hours,
                                @Size(max = 1000) String note, @NotNull Long version) {
}
