package org.gridgov.web.security;

/**
 * Who may do what, as method-security expressions over the permission strings shared by the API and the pages; what
 * they may do it to is the data scope's business. Each string is declared once, by its module ({@code GridPermission},
 * {@code DeskPermission}, {@code PartyPermission}, {@code WorkPermission}, {@code ReportPermission}, the accounts'
 * {@code AdminPermission}: see {@link PermissionDeclarations}); {@code SeparationOfDutiesIT} checks that every
 * handler's rule names one of them. The strings are granted to roles in {@code app.role_permission} (business) or
 * fixed for the administrator roles (三权分立).
 */
public final class Permissions {

    /** Change the hierarchy itself: create and rename units, split, merge, move. */
    public static final String MANAGE_HIERARCHY = "hasAuthority('grid:unit:manage')";

    /** Register and edit households and residents. */
    public static final String EDIT_HOUSEHOLDS = "hasAuthority('grid:household:edit')";

    /** See a resident's full ID number or phone (each time audited). */
    public static final String UNMASK_RESIDENTS = "hasAuthority('grid:resident:unmask')";

    /** Change the visit intervals of the household colours. */
    public static final String EDIT_VISIT_RULES = "hasAuthority('grid:visit-rule:edit')";

    /** Change the case categories and their time limits. */
    public static final String EDIT_CATALOG = "hasAuthority('desk:catalog:edit')";

    /** Change the working-day calendar. */
    public static final String EDIT_CALENDAR = "hasAuthority('desk:calendar:edit')";

    /** File a case (上报). */
    public static final String REPORT_CASES = "hasAuthority('desk:case:report')";

    /** Ask for and download monthly reports (月报). */
    public static final String EXPORT_REPORTS = "hasAuthority('report:monthly:export')";

    /** Manage party organizations, members, central households, 双报到 units, evaluations, stars and ledgers. */
    public static final String MANAGE_PARTY = "hasAuthority('party:org:manage')";

    /** Approve or reject 双报到 registrations: the community's party organization, i.e. its party secretary. */
    public static final String DECIDE_REGISTRATIONS = "hasAuthority('party:registration:decide')";

    /** Take part in 双服务: post micro-wishes, claim, report done and confirm. */
    public static final String SERVE_PARTY = "hasAuthority('party:service:serve')";

    /** 系统管理员: user accounts. */
    public static final String MANAGE_USERS = "hasAuthority('sys:user:manage')";

    /** 安全管理员: assign roles. */
    public static final String ASSIGN_ROLES = "hasAuthority('sec:role:assign')";

    /** 安全管理员: grant and revoke permissions of the business roles. */
    public static final String GRANT_PERMISSIONS = "hasAuthority('sec:permission:grant')";

    /** 安全管理员: unlock accounts. */
    public static final String UNLOCK_ACCOUNTS = "hasAuthority('sec:account:unlock')";

    /** 审计管理员: the audit log. */
    public static final String READ_AUDIT_LOG = "hasAuthority('audit:log:read')";

    /**
     * 双人审批: see the account requests waiting for a second administrator, and decide them: any of the three
     * administrators (which of them may decide a given request is the accounts module's rule).
     */
    public static final String DECIDE_ACCOUNT_REQUESTS = MANAGE_USERS + " or " + ASSIGN_ROLES + " or "
            + READ_AUDIT_LOG;

    /** 走访: record a visit (see {@code WorkPermission.VISIT_RECORD} for who). */
    public static final String RECORD_VISITS = "hasAuthority('work:visit:record')";

    /** 走访: see visit lists, visits and coverage within scope. */
    public static final String SEE_VISITS = "hasAuthority('work:visit:read')";

    /** 巡查: walk a patrol and raise cases on the way. */
    public static final String PATROL = "hasAuthority('work:patrol:walk')";

    /** 巡查: patrol logs and the monthly patrol counts of the workers below. */
    public static final String WATCH_PATROLS = "hasAuthority('work:patrol:read')";

    /** 预警: issue a warning broadcast and close it early. */
    public static final String ISSUE_WARNINGS = "hasAuthority('work:warning:issue')";

    /** 敲门: mark door-knock tasks. */
    public static final String KNOCK_DOORS = "hasAuthority('work:warning:knock')";

    /** 积分: see rules, goods, ledgers and rankings. */
    public static final String READ_POINTS = "hasAuthority('work:points:read')";

    /** 积分: change what an event pays. */
    public static final String EDIT_POINT_RULES = "hasAuthority('work:points:rules')";

    /** 积分: keep the goods catalogue and its stock. */
    public static final String MANAGE_GOODS = "hasAuthority('work:points:goods')";

    /** 积分: record an exchange at the service point. */
    public static final String EXCHANGE_POINTS = "hasAuthority('work:points:exchange')";

    private Permissions() {
    }
}
