package org.gridgov.grid;

import java.time.LocalDate;

/** Where a household was placed over a period; restructuringId is set when a restructuring moved it there. */
public record HouseholdPlacementView(long unitId, String unitName, String unitCode, LocalDate validFrom,
                                     LocalDate validTo, Long restructuringId) {
}
