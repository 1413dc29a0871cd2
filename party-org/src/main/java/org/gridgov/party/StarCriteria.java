package org.gridgov.party;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * 五星支部 — a branch's year on the five criteria, each met or not: 支部过硬 (strong branch), 共建共享 (co-building),
 * 平安法治 (safety and rule of law), 幸福和谐 (harmony), 宜业兴业 (prosperity).
 */
public record StarCriteria(@NotNull @Min(2000) @Max(2100) Integer year, boolean strongBranch, boolean coBuilding,
                           boolean safetyLaw, boolean harmony, boolean prosperity) {

    /** One star per criterion met. */
    public int stars() {
        return (strongBranch ? 1 : 0) + (coBuilding ? 1 : 0) + (safetyLaw ? 1 : 0) + (harmony ? 1 : 0)
                + (prosperity ? 1 : 0);
    }
}
