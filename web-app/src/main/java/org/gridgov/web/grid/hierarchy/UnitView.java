package org.gridgov.web.grid.hierarchy;

import java.time.LocalDate;

import org.gridgov.grid.UnitLevel;

/** A unit of the hierarchy in the API ({@code validTo} set once retired); also part of restructuring answers. */
public record UnitView(long id, UnitLevel level, Integer gridTier, String code, String name, Long parentId,
                       String address, LocalDate validFrom, LocalDate validTo, long version) {
}
