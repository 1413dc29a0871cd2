package org.gridgov.demo;

import java.util.Locale;

/** How big a demo county to generate: {@code small} for tests, {@code county} for a realistic county. */
public enum DemoSize {

    /** 1 district, 2 streets (urban, rural), 4 communities, about 20 small grids, 600 households, 1,800 residents. */
    SMALL,

    /** 1 county, 10 streets/townships, about 120 communities, 3,300 small grids, 80,000 households, 240,000 people. */
    COUNTY;

    /** {@code small} or {@code county}, any case; anything else is refused with the accepted values. */
    public static DemoSize parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (DemoSize size : values()) {
            if (size.name().equals(v)) {
                return size;
            }
        }
        throw new IllegalArgumentException("Unknown demo size '" + value + "': use small or county "
                + "(gridgov.demo / GRIDGOV_DEMO; leave empty for no demo data)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
