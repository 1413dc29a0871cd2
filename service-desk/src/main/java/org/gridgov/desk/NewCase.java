package org.gridgov.desk;

import java.util.List;

/** 上报 — a new case in a grid: where (address, optional position), what, and the ids of photos already stored. */
public record NewCase(long gridUnitId, String address, Double lat, Double lng, String description, List<Long> photos) {

    public NewCase {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
