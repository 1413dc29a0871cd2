package org.gridgov.grid;

import java.util.List;

/** What a restructuring did. */
public record RestructuringResult(long restructuringId, List<UnitView> retired, List<UnitView> created,
                                  int unitsReplaced, int householdsMoved) {
}
