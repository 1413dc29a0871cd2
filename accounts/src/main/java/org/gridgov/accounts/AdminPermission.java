package org.gridgov.accounts;

import java.util.EnumSet;
import java.util.Set;

import org.gridgov.grid.PermissionCode;

/**
 * The administrator permissions (三权分立): each belongs to exactly one of the three administrator roles, is fixed
 * (never stored in {@code app.role_permission}) and can never be granted to anyone else.
 */
public enum AdminPermission implements PermissionCode {

    /** 系统管理员: create and edit accounts, enable and disable them, reset passwords. */
    SYS_USER_MANAGE("sys:user:manage", Role.SYSTEM_ADMIN),
    /** 安全管理员: assign roles to accounts. */
    SEC_ROLE_ASSIGN("sec:role:assign", Role.SECURITY_ADMIN),
    /** 安全管理员: grant and revoke the business roles' permissions. */
    SEC_PERMISSION_GRANT("sec:permission:grant", Role.SECURITY_ADMIN),
    /** 安全管理员: unlock an account locked after failed logins. */
    SEC_ACCOUNT_UNLOCK("sec:account:unlock", Role.SECURITY_ADMIN),
    /** 审计管理员: search the audit log and verify its hash chain. */
    AUDIT_LOG_READ("audit:log:read", Role.AUDIT_ADMIN);

    private final String code;
    private final Role owner;

    AdminPermission(String code, Role owner) {
        this.code = code;
        this.owner = owner;
    }

    @Override
    public String code() {
        return code;
    }

    /** The administrator role this permission belongs to. */
    public Role owner() {
        return owner;
    }

    /** The permissions an administrator role holds: fixed, never stored, never granted elsewhere. */
    public static Set<AdminPermission> ownedBy(Role role) {
        Set<AdminPermission> owned = EnumSet.noneOf(AdminPermission.class);
        for (AdminPermission p : values()) {
            if (p.owner == role) {
                owned.add(p);
            }
        }
        return owned;
    }
}
