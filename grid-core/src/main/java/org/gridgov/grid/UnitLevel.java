package org.gridgov.grid;

/**
 * 层级 — the levels of the hierarchy: 区/县 → 街道/乡镇 → 社区/村 → 网格 (1–3 tiers) → 小区 → 楼栋.
 * Households hang under a building, or directly under a grid for self-built houses.
 */
public enum UnitLevel {
    DISTRICT, STREET, COMMUNITY, GRID, COMPOUND, BUILDING;

    /** Whether a unit of level {@code child} may hang under a unit of this level. */
    public boolean accepts(UnitLevel child) {
        return switch (this) {
            case DISTRICT -> child == STREET;
            case STREET -> child == COMMUNITY;
            case COMMUNITY -> child == GRID;
            case GRID -> child == GRID || child == COMPOUND || child == BUILDING;
            case COMPOUND -> child == BUILDING;
            case BUILDING -> false;
        };
    }

    /** Households live in buildings or, for self-built houses, directly in a grid. */
    public boolean holdsHouseholds() {
        return this == BUILDING || this == GRID;
    }
}
