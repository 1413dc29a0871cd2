package org.gridgov.web.reporting;

import org.gridgov.grid.PermissionCode;

/** The monthly report's permission string (权限标识), granted to business roles in {@code app.role_permission}. */
public enum ReportPermission implements PermissionCode {

    /** Ask for and download monthly reports (月报). */
    MONTHLY_EXPORT("report:monthly:export");

    private final String code;

    ReportPermission(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
