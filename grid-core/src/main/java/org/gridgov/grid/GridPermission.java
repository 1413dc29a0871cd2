package org.gridgov.grid;

/**
 * The hierarchy's permission strings (权限标识), granted to business roles in {@code app.role_permission} (the
 * security admin may change the grants); what they may be used on is still limited by the data scope.
 */
public enum GridPermission implements PermissionCode {

    /** Change the hierarchy itself: create and rename units, split, merge, move. */
    UNIT_MANAGE("grid:unit:manage"),
    /** Register and edit households and residents. */
    HOUSEHOLD_EDIT("grid:household:edit"),
    /** See a resident's full ID number or phone (each time audited). */
    RESIDENT_UNMASK("grid:resident:unmask"),
    /** Change the visit intervals of the household colours. */
    VISIT_RULE_EDIT("grid:visit-rule:edit");

    private final String code;

    GridPermission(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
