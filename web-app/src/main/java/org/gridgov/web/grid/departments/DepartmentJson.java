package org.gridgov.web.grid.departments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridgov.grid.UnitLevel;

/** The departments API's answers; the names are those of the published OpenAPI schemas. */
final class DepartmentJson {

    private DepartmentJson() {
    }

    /**
     * 职能部门 — a county department ({@code county}: under the district) or a street's own office; {@code validTo}
     * is set once it has been retired.
     */
    record DepartmentView(long id, String code, String name, long parentId, String parentName,
                          UnitLevel parentLevel, boolean county, boolean retired, LocalDate validFrom,
                          LocalDate validTo, long version) {
    }

    /** A department with the names it had, newest change first. */
    record DepartmentDetail(long id, String code, String name, long parentId, String parentName,
                            UnitLevel parentLevel, boolean county, boolean retired, LocalDate validFrom,
                            LocalDate validTo, long version, List<DepartmentNameChange> history) {
    }

    /** One rename: the name before and after, the day it took effect and when it was made. */
    record DepartmentNameChange(String oldName, String newName, LocalDate effectiveOn, Instant changedAt) {
    }
}
