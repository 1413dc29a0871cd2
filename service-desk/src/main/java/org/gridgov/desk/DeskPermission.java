package org.gridgov.desk;

import org.gridgov.grid.PermissionCode;

/** The service desk's permission strings (权限标识), granted to business roles in {@code app.role_permission}. */
public enum DeskPermission implements PermissionCode {

    CATALOG_EDIT("desk:catalog:edit"),
    CALENDAR_EDIT("desk:calendar:edit"),
    CASE_REPORT("desk:case:report"),
    CASE_REGISTER("desk:case:register"),
    CASE_DISPATCH("desk:case:dispatch"),
    CASE_HANDLE("desk:case:handle"),
    CASE_ESCALATE("desk:case:escalate"),
    CASE_SUPERVISE("desk:case:supervise"),
    CASE_VERIFY("desk:case:verify"),
    CASE_CALLBACK("desk:case:callback"),
    STATS_RECOUNT("desk:stats:recount");

    private final String code;

    DeskPermission(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
