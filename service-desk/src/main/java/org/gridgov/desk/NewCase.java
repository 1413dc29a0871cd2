package org.gridgov.desk;

import java.util.List;

/**
 * 上报 — a new case in a grid: its category (a minor code of the catalog), nature, channel and urgency, where it is
 * (address, optional position), what happened, who reported it and how to reach them (kept encrypted, shown
 * masked), and the ids of photos already stored.
 */
public record NewCase(long gridUnitId, String categoryCode, RequestNature nature, CaseChannel channel,
                      boolean urgent, String address, Double lat, Double lng, String description,
                      String reporterName, String reporterPhone, List<Long> photos) {

    /** The bounds of the texts, the same for the API, the intake page and the store (which checks them). */
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_REPORTER_NAME = 50;
    public static final int MAX_REPORTER_PHONE = 20;

    public NewCase {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
