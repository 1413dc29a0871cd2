package org.gridgov.web.grid.households;

import java.time.LocalDate;

import org.gridgov.grid.HouseholdTag;

/** The household API's answers; the names are those of the published OpenAPI schemas. */
final class HouseholdJson {

    private HouseholdJson() {
    }

    /** A household as listed: house code, where it is, its colour tag and how many people live there. */
    record HouseholdView(long id, String houseCode, long unitId, String unitName, Integer entrance, Integer room,
                         String address, HouseholdTag tag, String tagReason, long residentCount, long version) {
    }

    /** Where a household was placed over a period, with the restructuring that moved it there (if one did). */
    record HouseholdPlacementView(long unitId, String unitName, String unitCode, LocalDate validFrom,
                                  LocalDate validTo, Long restructuringId) {
    }
}
