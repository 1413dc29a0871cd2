package org.gridgov.grid;

/**
 * 数据范围 — the part of the hierarchy a user may see and touch: the subtree under one unit, given by that unit's
 * materialized path ('/1/5/23/'). Applied as one bound predicate ({@code path like :scope%}) to every query of the
 * scoped entities, including loads by id.
 */
public record DataScope(long unitId, String path, long departmentId) {

    /**
     * The name of the persistence filter that applies the scope, and of its parameter (a LIKE pattern). Entities of
     * other modules that belong to a unit carry {@code @Filter(name = DataScope.FILTER, condition = "<path column>
     * like :" + DataScope.FILTER_PARAM)} and are narrowed the same way.
     */
    public static final String FILTER = "dataScope";
    public static final String FILTER_PARAM = "scopePath";
    /**
     * The filter's second parameter: the department a department user is bound to, 0 for everyone else. Entities a
     * department reaches beside the territory (the cases dispatched to it) add {@code or (:scopeDepartment > 0 and
     * …)} to their condition; for a territorial user the clause folds away.
     */
    public static final String DEPARTMENT_PARAM = "scopeDepartment";

    /** The whole hierarchy, for the system's own work (demo data, scheduled jobs); never for a user. */
    public static final DataScope SYSTEM = new DataScope(0L, "/");

    public DataScope {
        if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("a scope path looks like /1/5/");
        }
    }

    /** The scope of a territorial unit's subtree. */
    public DataScope(long unitId, String path) {
        this(unitId, path, 0L);
    }

    /** The scope of a user bound to a department: its own unit, plus what is dispatched to it. */
    public boolean isDepartment() {
        return departmentId > 0;
    }

    public boolean isSystem() {
        return "/".equals(path);
    }

    /** Whether a unit with this path lies in the scope. */
    public boolean covers(String unitPath) {
        return unitPath != null && unitPath.startsWith(path);
    }
}
