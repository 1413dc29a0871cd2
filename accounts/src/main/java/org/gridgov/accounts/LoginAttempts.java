package org.gridgov.accounts;

/**
 * Lockout (登录失败锁定) per user name <em>and</em> client address, so that an outsider can neither learn which names
 * exist nor lock a user out from everywhere (OWASP ASVS V2.2):
 * <ul>
 * <li>{@code gridgov.security.lockout.max-failures} failures (default 5) for one name from one address lock that
 * pair for {@code gridgov.security.lockout.duration} (15 minutes): the right password from another address still
 * gets in;</li>
 * <li>across all addresses, {@code .global-max-failures} failures of a name (default 20, forgotten after
 * {@code .global-window} without failures, 1 hour) start a back-off: each further failure makes every address wait
 * twice as long as the one before (1 s, 2 s, 4 s, … at most {@code .global-max-delay}, 5 minutes).</li>
 * </ul>
 * A name that has no account is counted and refused exactly like one that has. While locked or backed off the
 * attempt is refused before the password; a success clears the pair's count. Every attempt, lock and refusal is
 * audited. The ways in (form, token endpoint, second factor) call these in order: rate limits,
 * {@link #checkNotLocked}, the password (or code), then one of the outcomes.
 */
public interface LoginAttempts {

    /** Refuses the attempt (and audits it) while this name is locked on this address or backed off everywhere. */
    void checkNotLocked(String username, String clientIp, String channel);

    /** Counts a wrong password; the one that reaches a limit locks and is refused as locked. */
    void failed(String username, String clientIp, String channel);

    /** The password passed and no second factor follows: the count of this name on this address starts again. */
    void succeeded(String username, String clientIp, String channel);

    /**
     * The password was right but a second factor is still to come: audited, and the failure count is kept (reset
     * only when the code is right too), so that right passwords in between do not give wrong codes fresh tries.
     */
    void passwordPassed(String username, String clientIp, String channel);

    /** A disabled account with the right password: refused and audited, not counted. */
    void refused(String username, String clientIp, String channel, String reason);

    /** Too many attempts from this address or for this user name, refused before the password (or the code). */
    void rateLimited(String username, String clientIp, String channel, boolean secondFactor);
}
