package org.gridgov.grid;

/**
 * 层级 — the levels of the hierarchy: 区/县 → 街道/乡镇 → 社区/村 → 网格 (1–3 tiers) → 小区 → 楼栋.
 * Households hang under a building, or directly under a grid for self-built houses.
 */
public enum UnitLevel {
    DISTRICT, STREET, COMMUNITY, GRID, COMPOUND, BUILDING,
    /**
     * 职能部门 — a county department (under the district) or a street's own office (派出所, 城管中队 … under a street):
     * beside the territorial hierarchy, never on a household's path, created through {@link Departments}.
     */
    DEPARTMENT;

    /** Whether a unit of level {@code child} may hang under a unit of this level in the territorial hierarchy. */
    public boolean accepts(UnitLevel child) {
        return switch (this) {
            case DISTRICT -> child == STREET;
            case STREET -> child == COMMUNITY;
            case COMMUNITY -> child == GRID;
            case GRID -> child == GRID || child == COMPOUND || child == BUILDING;
            case COMPOUND -> child == BUILDING;
            case BUILDING, DEPARTMENT -> false;
        };
    }

    /** Departments may be placed under a county (county departments) or a street (its own offices). */
    public boolean holdsDepartments() {
        return this == DISTRICT || this == STREET;
    }

    /** Part of the territorial hierarchy (everything but departments). */
    public boolean territorial() {
        return this != DEPARTMENT;
    }

    /** Households live in buildings or, for self-built houses, directly in a grid. */
    public boolean holdsHouseholds() {
        return this == BUILDING || this == GRID;
    }
}
