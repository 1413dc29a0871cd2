package org.gridgov.accounts;

/**
 * The roles a user holds at their node of the hierarchy. What a business role may do is the set of permission strings
 * granted to it ({@code app.role_permission}, declared by the modules, see {@link PermissionCatalog}); the three
 * administrator roles (三权分立) hold fixed permissions of their own ({@link AdminPermission}) and none of the
 * business ones.
 */
public enum Role {
    /** 区县管理员 */
    DISTRICT_ADMIN,
    /** 街道干部 */
    STREET_OFFICIAL,
    /** 社区工作者 / 网格长 */
    COMMUNITY_WORKER,
    /** 网格员 */
    GRID_WORKER,
    /** 职能部门 */
    DEPARTMENT_HANDLER,
    /** 党组织书记 */
    PARTY_SECRETARY,
    /** 系统管理员: user accounts. */
    SYSTEM_ADMIN,
    /** 安全管理员: roles, permissions, unlocking. */
    SECURITY_ADMIN,
    /** 审计管理员: the audit log. */
    AUDIT_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** One of the three administrator roles of 三权分立: bound to the county root, no business data. */
    public boolean administrative() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    /**
     * An administrator role or the district admin (who sees every resident of the county): a password reset or a role
     * change of an account holding one, and granting one, needs the approval of a second administrator
     * ({@link AccountRequests}).
     */
    public boolean privileged() {
        return administrative() || this == DISTRICT_ADMIN;
    }
}
