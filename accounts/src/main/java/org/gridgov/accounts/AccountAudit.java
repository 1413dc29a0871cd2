package org.gridgov.accounts;

/**
 * Where the account rules write their audit events (审计日志): logins, lockouts, password and TOTP changes and every
 * administrator change. The application provides it (the audit trail lives outside this module); an event is written
 * on the caller's connection, inside its transaction when there is one.
 */
public interface AccountAudit {

    /** What happened; the names are those the audit log stores. */
    enum Event {
        LOGIN, LOCKOUT, PASSWORD_CHANGE, USER_CREATE, USER_UPDATE, USER_ENABLE, USER_DISABLE, PASSWORD_RESET,
        ROLE_ASSIGN, PERMISSION_GRANT, PERMISSION_REVOKE, ACCOUNT_UNLOCK,
        /** The second step of a login: a TOTP code checked (form or token endpoint). */
        LOGIN_SECOND_FACTOR,
        /** A TOTP authenticator confirmed (switched on) or a confirmation refused. */
        TOTP_ENROL,
        /** A TOTP authenticator removed (switched off) or a removal refused. */
        TOTP_REMOVE,
        /** A reset or a role change that waits for a second administrator (双人审批) asked for, or refused. */
        ACCOUNT_REQUEST,
        /** Such a request approved (and applied), or an approval refused. */
        ACCOUNT_REQUEST_APPROVE,
        /** Such a request rejected or withdrawn, or a rejection refused. */
        ACCOUNT_REQUEST_REJECT
    }

    /** How it ended; the names are those the audit log stores. */
    enum Outcome { SUCCESS, FAILURE, LOCKED, RATE_LIMITED, REFUSED }

    void record(String username, Event event, String object, Outcome outcome, String clientIp, String detail);

    /** An administrator's change, made during a request: the client address is the request's. */
    void recordFromRequest(String username, Event event, String object, Outcome outcome, String detail);
}
