package org.gridgov.accounts;

/**
 * A user changes their own password: the current one is required, the new one must pass the password policy
 * (口令策略) and differ from the current one. The change clears the demo-password flag and restarts the password's
 * age; it is audited, refused or not.
 */
public interface PasswordChanges {

    void change(Actor user, String oldPassword, String newPassword, String clientIp);

    /** Whether the user's password is older than the policy's maximum age (never for demo-password accounts). */
    boolean expired(Actor user);
}
