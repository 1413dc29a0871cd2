package org.gridgov.grid;

/**
 * 数据范围 — the part of the hierarchy a user may see and touch: the subtree under one unit, given by that unit's
 * materialized path ('/1/5/23/'). Applied as one bound predicate ({@code path like :scope%}) to every query of the
 * scoped entities, including loads by id.
 */
public record DataScope(long unitId, String path) {

    /**
     * The name of the persistence filter that applies the scope, and of its parameter (a LIKE pattern). Entities of
     * other modules that belong to a unit carry {@code @Filter(name = DataScope.FILTER, condition = "<path column>
     * like :" + DataScope.FILTER_PARAM)} and are narrowed the same way.
     */
    public static final String FILTER = "dataScope";
    public static final String FILTER_PARAM = "scopePath";

    /** The whole hierarchy, for the system's own work (demo data, scheduled jobs); never for a user. */
    public static final DataScope SYSTEM = new DataScope(0L, "/");

    public DataScope {
        if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("a scope path looks like /1/5/");
        }
    }

    public boolean isSystem() {
        return "/".equals(path);
    }

    /** Whether a unit with this path lies in the scope. */
    public boolean covers(String unitPath) {
        return unitPath != null && unitPath.startsWith(path);
    }
}
