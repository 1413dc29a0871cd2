package org.gridgov.work;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;

/**
 * 预警 — a warning to carry to the doors: title, what to say (e.g. an anti-fraud script), the units aimed at (in the
 * issuer's scope), and optionally household colours and special groups. With neither colours nor groups every
 * household of the units is aimed at; with both, a household is aimed at when its colour is one of the colours
 * <em>or</em> one of its residents belongs to one of the groups.
 */
public record NewWarning(String title, String content, List<Long> unitIds, Set<HouseholdTag> colours,
                         Set<SpecialGroup> groups, Instant expiresAt) {

    public NewWarning {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
        colours = colours == null ? Set.of() : Set.copyOf(colours);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
