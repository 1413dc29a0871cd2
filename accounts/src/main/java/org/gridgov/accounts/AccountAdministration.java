package org.gridgov.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.gridgov.grid.PageResult;

/**
 * Accounts under the separation of duties (三权分立). The system admin makes accounts (without a role: they cannot
 * sign in until the security admin assigns one), edits name and node, enables and disables them and resets
 * passwords; the security admin assigns roles and unlocks accounts. Nobody changes their own account here. Every
 * change is one audit row. A password set here is one-time: the user must change it at their next sign-in. A reset
 * or a role change of an account holding a {@linkplain Role#privileged() privileged} role, and granting such a role,
 * is not applied at once but waits for a second administrator ({@link AccountRequests}).
 */
public interface AccountAdministration {

    /**
     * An account as the administrators see it (never the password hash). {@code lockedUntil}: the latest lock of
     * the user name after failed logins, on any one address or on all of them (see {@link LoginAttempts}).
     */
    record AccountView(long id, String username, String displayName, Role role, long unitId, String unitName,
                       boolean enabled, OffsetDateTime lockedUntil, OffsetDateTime createdAt) {

        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
        }
    }

    /** What the system admin enters for a new account. */
    record NewAccount(String username, String displayName, Long unitId, String password) {
    }

    /**
     * What a reset or a role change came to: applied (the account as it is now), or waiting for a second
     * administrator's approval (the account unchanged, and the request).
     */
    record Change(AccountView account, Optional<AccountRequests.RequestView> request) {

        public boolean applied() {
            return request.isEmpty();
        }
    }

    /** Accounts whose user name or name contains {@code q} (all when blank), by user name. */
    PageResult<AccountView> search(String q, int page, int size);

    AccountView get(long id);

    /** 系统管理员: a new account without a role, with a first password that meets the policy. */
    AccountView create(NewAccount account, Actor by);

    /** 系统管理员: name and node. A new node ends the account's sessions (its data scope changed). */
    AccountView update(long id, String displayName, Long unitId, Actor by);

    /** 系统管理员: disabling ends the account's sessions and tokens at their next request. */
    AccountView setEnabled(long id, boolean enabled, Actor by);

    /**
     * 系统管理员: a new password (the policy applies), one-time; the old one stops working. For an account holding a
     * privileged role the reset is a request, and the old password works until it is approved.
     */
    Change resetPassword(long id, String password, Actor by);

    /**
     * 安全管理员: the account's role. Administrator roles only for accounts at the county root; the account's
     * sessions end (their permissions changed). Granting a privileged role, or changing the role of an account that
     * holds one, is a request.
     */
    Change assignRole(long id, Role role, Actor by);

    /** 安全管理员: ends the locks of the user name after failed logins, on every address, and forgets its counts. */
    AccountView unlock(long id, Actor by);
}
