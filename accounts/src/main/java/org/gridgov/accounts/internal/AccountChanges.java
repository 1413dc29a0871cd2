package org.gridgov.accounts.internal;

import java.sql.Timestamp;

import org.gridgov.accounts.AccountAudit;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.Actor;
import org.gridgov.accounts.ApiTokens;
import org.gridgov.accounts.Role;
import org.gridgov.grid.PlatformTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two account changes an administrator may make directly or only through an approved request: a new password and
 * a new role. Either way they have the same effects: the account's API tokens die, a new password is one-time, and
 * the change is one audit row of the administrator who applied it.
 */
@Component
class AccountChanges {

    private final JdbcTemplate jdbc;
    private final ApiTokens tokens;
    private final AccountAudit audit;
    private final PlatformTime time;

    AccountChanges(JdbcTemplate jdbc, ApiTokens tokens, AccountAudit audit, PlatformTime time) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.audit = audit;
        this.time = time;
    }

    /**
     * The password with this hash, to be changed by the user at their next sign-in (the administrator knows it).
     *
     * @param detail what the audit row adds (the request it was approved from), or null
     */
    void setPassword(long accountId, String passwordHash, Actor by, String detail) {
        Timestamp now = Timestamp.from(time.now());
        jdbc.update("update app.user_account set password_hash = ?, password_changed_at = ?, demo_password = false,"
                + " must_change_password = true, updated_at = ? where id = ?", passwordHash, now, now, accountId);
        // a new password: the failed sign-ins of the name, on every address, are forgotten
        jdbc.update(LoginFailures.FORGET_NAME, jdbc.queryForObject("select username from app.user_account"
                + " where id = ?", String.class, accountId));
        tokens.revokeAll(accountId);
        record(by, Event.PASSWORD_RESET, accountId, detail);
    }

    /** The role (the account's sessions end at their next request, its tokens now), audited as {@code old->new}. */
    void setRole(long accountId, Role before, Role role, Actor by, String detail) {
        jdbc.update("update app.user_account set role = ?, updated_at = ? where id = ?", role.name(),
                Timestamp.from(time.now()), accountId);
        tokens.revokeAll(accountId);
        record(by, Event.ROLE_ASSIGN, accountId, (before == null ? "-" : before.name()) + "->" + role.name()
                + (detail == null ? "" : " " + detail));
    }

    /** An administrator's change of an account, successful, from the current request. */
    void record(Actor by, Event action, long accountId, String detail) {
        record(by, action, accountId, Outcome.SUCCESS, detail);
    }

    void record(Actor by, Event action, long accountId, Outcome outcome, String detail) {
        String username = jdbc.queryForObject("select username from app.user_account where id = ?", String.class,
                accountId);
        audit.recordFromRequest(by.username(), action, "user " + username, outcome, detail);
    }
}
