package org.gridgov.desk;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;

/**
 * 事发位置 — where a case happened: the grid that owns it (全科网格: one grid takes every kind of case), an optional
 * address and optional WGS-84 coordinates, given both or neither.
 */
public record CaseLocation(long gridUnitId, String address, Double lat, Double lng) {

    public CaseLocation {
        if (gridUnitId <= 0) {
            throw new IllegalArgumentException("grid unit id must be positive: " + gridUnitId);
        }
        if ((lat == null) != (lng == null)) {
            throw DomainException.onField(lat == null ? "lat" : "lng", "case.location.coordinates.incomplete");
        }
        // negated ranges so that NaN is refused too
        if (lat != null && !(lat >= -90 && lat <= 90)) {
            throw DomainException.onField("lat", "case.location.lat.range", -90, 90);
        }
        if (lng != null && !(lng >= -180 && lng <= 180)) {
            throw DomainException.onField("lng", "case.location.lng.range", -180, 180);
        }
        address = address == null || address.isBlank() ? null : address.strip();
    }

    /** A location in {@code grid}, which must be an active unit of level {@link UnitLevel#GRID}. */
    public static CaseLocation inGrid(UnitView grid, String address, Double lat, Double lng) {
        if (grid.level() != UnitLevel.GRID) {
            throw DomainException.onField("gridUnitId", "case.location.notAGrid", grid.name());
        }
        if (grid.retired()) {
            throw DomainException.onField("gridUnitId", "case.location.gridRetired", grid.name());
        }
        return new CaseLocation(grid.id(), address, lat, lng);
    }

    public boolean hasCoordinates() {
        return lat != null;
    }
}
