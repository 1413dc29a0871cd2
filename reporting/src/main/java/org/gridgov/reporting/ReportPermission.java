package org.gridgov.reporting;

import org.gridgov.grid.PermissionCode;

/** The permissions of reporting, as granted to roles in {@code app.role_permission}. */
public enum ReportPermission implements PermissionCode {

    /** 月报导出 — request and download the monthly report of a unit in scope. */
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
