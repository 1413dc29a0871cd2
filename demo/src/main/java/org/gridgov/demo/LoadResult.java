package org.gridgov.demo;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.gridgov.grid.UnitLevel;

/**
 * What the database holds after {@link DemoCountyGenerator#load(DemoSize)}.
 *
 * @param loaded           true when this call generated the data, false when grid.unit already had rows
 * @param size             the size asked for
 * @param unitsByLevel     units per level (every level present, zero when none)
 * @param tier1Grids       大网格 (grid tier 1)
 * @param tier2Grids       小网格 (grid tier 2, the lowest tier)
 * @param households       households
 * @param residents        residents
 * @param specialGroups    special-group memberships
 * @param staff            grid staff
 * @param users            user accounts
 * @param elapsedMillis    time taken by the call
 */
public record LoadResult(boolean loaded, DemoSize size, Map<UnitLevel, Long> unitsByLevel, long tier1Grids,
                         long tier2Grids, long households, long residents, long specialGroups, long staff,
                         long users, long elapsedMillis) {

    public LoadResult {
        EnumMap<UnitLevel, Long> copy = new EnumMap<>(UnitLevel.class);
        for (UnitLevel level : UnitLevel.values()) {
            copy.put(level, unitsByLevel.getOrDefault(level, 0L));
        }
        unitsByLevel = Collections.unmodifiableMap(copy);
    }

    public long units(UnitLevel level) {
        return unitsByLevel.get(level);
    }

    /** One line for the log. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d district, %d streets, %d communities, %d grids (%d tier 1, %d tier 2), %d compounds, "
                        + "%d buildings, %d households, %d residents, %d special-group entries, %d grid staff, "
                        + "%d users in %.1f s",
                units(UnitLevel.DISTRICT), units(UnitLevel.STREET), units(UnitLevel.COMMUNITY),
                units(UnitLevel.GRID), tier1Grids, tier2Grids, units(UnitLevel.COMPOUND), units(UnitLevel.BUILDING),
                households, residents, specialGroups, staff, users, elapsedMillis / 1000.0);
    }
}
