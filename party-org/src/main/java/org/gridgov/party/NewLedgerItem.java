package org.gridgov.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 问题台账 — a problem of a branch, who answers for it, by when, and the measures. */
public record NewLedgerItem(@NotBlank @Size(max = 500) String problem, @NotBlank @Size(max = 50) String owner,
                            @NotNull LocalDate deadline, @NotBlank @Size(max = 1000) String measures) {
}
