package org.gridgov.grid;

/** A household as listed: house code, where it is, its colour tag and how many people live there. */
public record HouseholdView(long id, String houseCode, long unitId, String unitName, Integer entrance,
                            Integer room, String address, HouseholdTag tag, String tagReason, long residentCount,
                            long version) {
}
