package org.gridgov.work;

import java.util.List;

/** A warning's progress in a unit (the total row) and in each of its child units, by code. */
public record WarningProgress(long warningId, WarningProgressRow unit, List<WarningProgressRow> children) {
}
