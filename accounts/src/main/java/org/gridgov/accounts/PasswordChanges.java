package org.gridgov.accounts;

import java.util.Optional;

/**
 * A user changes their own password: the current one is required, the new one must pass the password policy
 * (口令策略) and differ from the current one. The change clears the demo-password flag and the one-time mark and
 * restarts the password's age; it is audited, refused or not.
 */
public interface PasswordChanges {

    /** Why a user must change their password before doing anything else. */
    enum ChangeRequired {
        /** An administrator set it (a new account's first password, a reset): it serves for one sign-in only. */
        SET_BY_ADMINISTRATOR,
        /** It is older than the policy's maximum age. */
        EXPIRED
    }

    void change(Actor user, String oldPassword, String newPassword, String clientIp);

    /**
     * Whether, and why, the user must change their password now: set by an administrator, or older than the policy's
     * maximum age (never for demo-password accounts).
     */
    Optional<ChangeRequired> changeRequired(Actor user);
}
