package org.gridgov.grid;

import java.time.LocalDate;

/** A unit of the hierarchy as shown to users. {@code validTo} is set once the unit has been retired. */
public record UnitView(long id, UnitLevel level, Integer gridTier, String code, String name, Long parentId,
                       String address, LocalDate validFrom, LocalDate validTo, long version) {

    public boolean retired() {
        return validTo != null;
    }
}
