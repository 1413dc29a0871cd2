package org.gridgov.audit;

/**
 * The audit trail (审计日志): who did what to which object, from where, and how it ended. Recording takes no
 * connection of its own and never waits: an event is one insert on the connection the caller already holds (in the
 * caller's transaction when there is one), sealed into the hash-chained log within a second ({@link AuditChain}).
 * An event of refusal or failure outlives the rollback of the transaction it was recorded in; an event of success
 * goes with its rolled-back work.
 */
public interface AuditLog {

    /** What happened, as stored in {@code action}. */
    enum Action {
        LOGIN, LOCKOUT, PASSWORD_CHANGE, CASE_ACTION, CASE_REPORT, RESIDENT_CREATE, RESIDENT_UPDATE,
        RESIDENT_DELETE, EXPORT, USER_CREATE, USER_UPDATE, USER_ENABLE, USER_DISABLE, PASSWORD_RESET, ROLE_ASSIGN,
        PERMISSION_GRANT, PERMISSION_REVOKE, ACCOUNT_UNLOCK, UNMASK,
        /** The second step of a login: a TOTP code checked (form or token endpoint). */
        LOGIN_SECOND_FACTOR,
        /** A TOTP authenticator confirmed (switched on) or a confirmation refused. */
        TOTP_ENROL,
        /** A TOTP authenticator removed (switched off) or a removal refused. */
        TOTP_REMOVE,
        /** A warning broadcast issued (预警), turned into door-knock tasks. */
        WARNING_ISSUE,
        /** 积分: a rule changed, goods added or changed, goods exchanged for points. */
        POINT_RULE_EDIT, POINT_GOODS_EDIT, POINT_EXCHANGE,
        /** 职能部门: a department created, renamed or retired. */
        DEPARTMENT_EDIT,
        /** 精确查询: a resident looked up by a full ID number or phone (found or not, or refused over the limit). */
        RESIDENT_LOOKUP,
        /** 双人审批: a reset or a role change that waits for a second administrator, asked for or refused. */
        ACCOUNT_REQUEST,
        /** Such a request approved (and applied), or an approval refused. */
        ACCOUNT_REQUEST_APPROVE,
        /** Such a request rejected or withdrawn, or a rejection refused. */
        ACCOUNT_REQUEST_REJECT
    }

    /** How it ended, as stored in {@code result}. */
    enum Result { SUCCESS, FAILURE, LOCKED, RATE_LIMITED, REFUSED }

    void record(String username, Action action, String object, Result result, String clientIp, String detail);

    /** An event made during the current request, from its client address ({@link AuditContext}). */
    void recordFromRequest(String username, Action action, String object, Result result, String detail);

    /** An export (kind, filter as JSON, rows written) by a user, from the current request's address if any. */
    void recordExport(String username, String kind, String filterJson, int rows);
}
