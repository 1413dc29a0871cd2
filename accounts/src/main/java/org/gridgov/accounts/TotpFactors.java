package org.gridgov.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * The second factor (TOTP, RFC 6238) of each user, in {@code app.user_totp}: the secret (160 random
 * bits) is encrypted with the field key (SM4) and switched on only when the user has confirmed a code from their
 * authenticator. Once switched on, every login asks for a code (form and token endpoint alike); a code is accepted
 * within ±1 step of 30 s and never twice. Wrong codes count as failed logins for the lockout.
 *
 * <p>Which roles must have one: {@code gridgov.security.totp.required-roles}, role names (strings, so that roles
 * added later need no code here), empty by default (optional for everyone) and the administrator roles in the prod
 * profile. A user of such a role without a second factor can only enrol after the password.
 */
public interface TotpFactors {

    /** The name authenticator apps show for the platform. */
    String ISSUER = "GridGov";

    /** A started enrolment: the secret in Base32, the {@code otpauth://} URI and its QR code as an SVG data URI. */
    record Enrolment(String secret, String uri, String qrCode) {
    }

    /** Where the user stands: switched on (since when), an enrolment under way, whether their role requires it. */
    record Status(boolean enrolled, Instant confirmedAt, boolean enrolling, boolean required) {
    }

    /** Whether the user's role must have a second factor. */
    boolean required(Actor user);

    /** Whether the user has a confirmed second factor (then every login asks for a code). */
    boolean enrolled(long userId);

    Status status(Actor user);

    /** Starts (or starts again) an enrolment with a new secret; refused while a second factor is switched on. */
    Enrolment start(Actor user);

    /** The enrolment under way, if any, to show again. */
    Optional<Enrolment> enrolling(Actor user);

    /** Switches the second factor on with a current code from the authenticator; audited either way. */
    void confirm(Actor user, String code, String clientIp);

    /**
     * Switches the second factor off: needs the password and a current (unused) code, and is refused for a role
     * that requires one. Audited either way.
     */
    void remove(Actor user, String password, String code, String clientIp);

    /**
     * The second step of a login, after the caller's rate limits: the lockout, then the code. A wrong or replayed
     * code counts as a failed login (and may lock the account: {@link LockedOutException}); a right one resets the
     * count. Every attempt is audited.
     *
     * @return whether the code was accepted
     */
    boolean verifyLogin(Actor user, String code, String clientIp, String channel);
}
