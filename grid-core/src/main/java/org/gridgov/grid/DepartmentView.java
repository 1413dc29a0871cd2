package org.gridgov.grid;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A department as shown to users.
 *
 * @param parentLevel {@link UnitLevel#DISTRICT} for a county department, {@link UnitLevel#STREET} for a street's
 *                    own office
 * @param validTo     set once the department has been retired
 */
public record DepartmentView(long id, String code, String name, long parentId, String parentName,
                             UnitLevel parentLevel, LocalDate validFrom, LocalDate validTo, long version)
        implements AuditSubject {

    public boolean retired() {
        return validTo != null;
    }

    /** A county department (县直部门), not a street's office. */
    public boolean county() {
        return parentLevel == UnitLevel.DISTRICT;
    }

    /** What the audit log names: the department's id. */
    @Override
    public String auditName() {
        return Long.toString(id);
    }

    /** One rename: the name before and after, the day it took effect and when it was made. */
    public record NameChange(String oldName, String newName, LocalDate effectiveOn, Instant changedAt) {
    }
}
