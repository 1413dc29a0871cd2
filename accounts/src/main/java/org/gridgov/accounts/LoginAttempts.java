package org.gridgov.accounts;

/**
 * Account lockout (账户锁定): {@code gridgov.security.lockout.max-failures} consecutive failed logins (default 5) lock
 * the account for {@code gridgov.security.lockout.duration} (default 15 minutes); while locked even the right
 * password is refused; a successful login resets the count. Every attempt is audited. The ways in (form, token
 * endpoint) call these in order: rate limits, {@link #checkNotLocked}, the password, then one of the outcomes.
 */
public interface LoginAttempts {

    /** Refuses the attempt (and audits it) when the account is locked now. */
    void checkNotLocked(String username, String clientIp, String channel);

    /** Counts a wrong password; the one that reaches the limit locks the account and is refused as locked. */
    void failed(String username, String clientIp, String channel);

    /** The password passed and no second factor follows: the failure count starts again from zero. */
    void succeeded(String username, String clientIp, String channel);

    /**
     * The password was right but a second factor is still to come: audited, and the failure count is kept (reset
     * only when the code is right too), so that right passwords in between do not give wrong codes fresh tries.
     */
    void passwordPassed(String username, String clientIp, String channel);

    /** A disabled account: refused and audited, not counted. */
    void refused(String username, String clientIp, String channel, String reason);

    /** Too many attempts from this address or for this user name, refused before the password (or the code). */
    void rateLimited(String username, String clientIp, String channel, boolean secondFactor);
}
