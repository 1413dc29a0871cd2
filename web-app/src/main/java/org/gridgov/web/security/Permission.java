package org.gridgov.web.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Permission strings on actions (权限标识). Business permissions are granted to the business roles in
 * {@code app.role_permission} and may be changed by the security admin; the administrator permissions belong to
 * exactly one of the three administrator roles (三权分立) and cannot be granted to anyone else. What a permission may
 * be used on is still limited by the data scope of the user's node.
 */
public enum Permission {

    GRID_UNIT_MANAGE("grid:unit:manage"),
    GRID_HOUSEHOLD_EDIT("grid:household:edit"),
    GRID_RESIDENT_UNMASK("grid:resident:unmask"),
    GRID_VISIT_RULE_EDIT("grid:visit-rule:edit"),
    DESK_CATALOG_EDIT("desk:catalog:edit"),
    DESK_CALENDAR_EDIT("desk:calendar:edit"),
    DESK_CASE_REPORT("desk:case:report"),
    DESK_CASE_REGISTER("desk:case:register"),
    DESK_CASE_DISPATCH("desk:case:dispatch"),
    DESK_CASE_HANDLE("desk:case:handle"),
    DESK_CASE_ESCALATE("desk:case:escalate"),
    DESK_CASE_SUPERVISE("desk:case:supervise"),
    DESK_CASE_VERIFY("desk:case:verify"),
    DESK_CASE_CALLBACK("desk:case:callback"),
    DESK_STATS_RECOUNT("desk:stats:recount"),
    REPORT_MONTHLY_EXPORT("report:monthly:export"),
    PARTY_ORG_MANAGE("party:org:manage"),
    PARTY_REGISTRATION_DECIDE("party:registration:decide"),
    PARTY_SERVICE_SERVE("party:service:serve"),
    WORK_VISIT_RECORD("work:visit:record"),
    WORK_VISIT_READ("work:visit:read"),
    WORK_PATROL_WALK("work:patrol:walk"),
    WORK_PATROL_READ("work:patrol:read"),
    WORK_WARNING_ISSUE("work:warning:issue"),
    WORK_WARNING_KNOCK("work:warning:knock"),
    WORK_POINTS_READ("work:points:read"),
    WORK_POINTS_RULES("work:points:rules"),
    WORK_POINTS_GOODS("work:points:goods"),
    WORK_POINTS_EXCHANGE("work:points:exchange"),

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

    Permission(String code) {
        this(code, null);
    }

    Permission(String code, Role owner) {
        this.code = code;
        this.owner = owner;
    }

    /** The string kept in {@code app.role_permission} and used as the granted authority. */
    public String code() {
        return code;
    }

    /** The administrator role this permission belongs to; empty for a business permission. */
    public Optional<Role> owner() {
        return Optional.ofNullable(owner);
    }

    public boolean administrative() {
        return owner != null;
    }

    public static Optional<Permission> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** The permissions an administrator role holds: fixed, never stored, never granted elsewhere. */
    public static Set<Permission> ownedBy(Role role) {
        Set<Permission> owned = EnumSet.noneOf(Permission.class);
        for (Permission p : values()) {
            if (p.owner == role) {
                owned.add(p);
            }
        }
        return owned;
    }
}
