package org.gridgov.web.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.codec.binary.Base32;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.audit.AuditLog;
import org.gridgov.web.audit.AuditLog.Action;
import org.gridgov.web.audit.AuditLog.Result;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The second factor (TOTP, RFC 6238) of each user, in {@code app.user_totp}: the secret (160 random bits) is
 * encrypted with the field key (SM4) and switched on only when the user has confirmed a code from their
 * authenticator. Once switched on, every login asks for a code (form and token endpoint alike); a code is accepted
 * within ±1 step of 30 s and never twice. Wrong codes count as failed logins for the lockout and pass the same rate
 * limits as passwords.
 *
 * <p>Which roles must have one: {@code gridgov.security.totp.required-roles}, role names (strings, so that roles
 * added later need no code here), empty by default (optional for everyone) and the administrator roles in the prod
 * profile. A user of such a role without a second factor can only enrol after the password.
 */
@Service
public class TotpFactors {

    static final String ISSUER = "GridGov";

    private final JdbcTemplate jdbc;
    private final FieldProtector protector;
    private final LoginAttempts attempts;
    private final RateLimits rateLimits;
    private final AuditLog audit;
    private final PlatformTime time;
    private final PasswordEncoder encoder;
    private final Set<String> requiredRoles;
    private final SecureRandom random = new SecureRandom();
    private final Base32 base32 = new Base32();

    TotpFactors(JdbcTemplate jdbc, FieldProtector protector, LoginAttempts attempts, RateLimits rateLimits,
                AuditLog audit, PlatformTime time, PasswordEncoder encoder,
                @Value("${gridgov.security.totp.required-roles:}") String requiredRoles) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.attempts = attempts;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.time = time;
        this.encoder = encoder;
        this.requiredRoles = Arrays.stream(requiredRoles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A started enrolment: the secret in Base32, the {@code otpauth://} URI and its QR code as an SVG data URI. */
    public record Enrolment(String secret, String uri, String qrCode) {
    }

    /** Where the user stands: switched on (since when), an enrolment under way, whether their role requires it. */
    public record Status(boolean enrolled, Instant confirmedAt, boolean enrolling, boolean required) {
    }

    /** Whether the user's role must have a second factor. */
    public boolean required(GridGovUser user) {
        return requiredRoles.contains(user.role().name());
    }

    /** Whether the user has a confirmed second factor (then every login asks for a code). */
    public boolean enrolled(long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from app.user_totp where user_id = ?"
                + " and confirmed_at is not null)", Boolean.class, userId));
    }

    public Status status(GridGovUser user) {
        List<Status> found = jdbc.query("select confirmed_at from app.user_totp where user_id = ?",
                (rs, i) -> {
                    Timestamp confirmed = rs.getTimestamp(1);
                    return new Status(confirmed != null, confirmed == null ? null : confirmed.toInstant(),
                            confirmed == null, required(user));
                }, user.id());
        return found.stream().findFirst().orElse(new Status(false, null, false, required(user)));
    }

    /** Starts (or starts again) an enrolment with a new secret; refused while a second factor is switched on. */
    public Enrolment start(GridGovUser user) {
        if (enrolled(user.id())) {
            throw new DomainException("totp.alreadyEnrolled");
        }
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        String encoded = base32.encodeToString(secret);
        jdbc.update("insert into app.user_totp (user_id, secret_cipher, created_at) values (?, ?, ?)"
                        + " on conflict (user_id) do update set secret_cipher = excluded.secret_cipher,"
                        + " created_at = excluded.created_at, last_used_step = null"
                        + " where app.user_totp.confirmed_at is null",
                user.id(), protector.encrypt(encoded), Timestamp.from(time.now()));
        return enrolment(user, encoded);
    }

    /** The enrolment under way, if any, to show again. */
    public Optional<Enrolment> enrolling(GridGovUser user) {
        return secret(user.id(), false).map(secret -> enrolment(user, secret));
    }

    /** Switches the second factor on with a current code from the authenticator; audited either way. */
    public void confirm(GridGovUser user, String code, String clientIp) {
        String secret = secret(user.id(), false)
                .orElseThrow(() -> DomainException.onField("code", "totp.noEnrolment"));
        Instant now = time.now();
        OptionalLong step = Totp.matchingStep(base32.decode(secret), code, now);
        if (step.isEmpty() || jdbc.update("update app.user_totp set confirmed_at = ?, last_used_step = ?"
                + " where user_id = ? and confirmed_at is null", Timestamp.from(now), step.getAsLong(),
                user.id()) != 1) {
            audit.record(user.username(), Action.TOTP_ENROL, "self", Result.FAILURE, clientIp, "wrong code");
            throw DomainException.onField("code", "totp.codeWrong");
        }
        audit.record(user.username(), Action.TOTP_ENROL, "self", Result.SUCCESS, clientIp, null);
    }

    /**
     * Switches the second factor off: needs the password and a current (unused) code, and is refused for a role
     * that requires one. Audited either way.
     */
    public void remove(GridGovUser user, String password, String code, String clientIp) {
        try {
            if (required(user)) {
                throw new DomainException("totp.requiredByRole");
            }
            if (!enrolled(user.id())) {
                throw new DomainException("totp.notEnrolled");
            }
            String hash = jdbc.queryForObject("select password_hash from app.user_account where id = ?",
                    String.class, user.id());
            if (password == null || !encoder.matches(password, hash)) {
                throw DomainException.onField("password", "totp.passwordWrong");
            }
            if (consume(user.id(), code) != Check.PASSED) {
                throw DomainException.onField("code", "totp.codeWrong");
            }
        }
        catch (DomainException ex) {
            audit.record(user.username(), Action.TOTP_REMOVE, "self", Result.FAILURE, clientIp, ex.code());
            throw ex;
        }
        jdbc.update("delete from app.user_totp where user_id = ?", user.id());
        audit.record(user.username(), Action.TOTP_REMOVE, "self", Result.SUCCESS, clientIp, null);
    }

    /**
     * The second step of a login, guarded like the password: rate limits per address and user name, the lockout,
     * then the code. A wrong or replayed code counts as a failed login (and may lock the account:
     * {@link AccountLockedException}); a right one resets the count. Every attempt is audited.
     *
     * @return whether the code was accepted
     */
    public boolean verifyLogin(GridGovUser user, String code, String clientIp, String channel) {
        OptionalLong wait = rateLimits.tryTake(RateLimits.Kind.LOGIN_IP, clientIp);
        if (wait.isEmpty()) {
            wait = rateLimits.tryTake(RateLimits.Kind.LOGIN_USER, user.username());
        }
        if (wait.isPresent()) {
            audit.record(user.username(), Action.LOGIN_SECOND_FACTOR, channel, Result.RATE_LIMITED, clientIp, null);
            throw new LoginRateLimitedException(wait.getAsLong());
        }
        attempts.checkNotLocked(user.username(), clientIp, channel);
        Check check = consume(user.id(), code);
        if (check != Check.PASSED) {
            attempts.failed(user.username(), clientIp, channel, Action.LOGIN_SECOND_FACTOR,
                    check == Check.REPLAYED ? "replayed code" : "wrong code");
            return false;
        }
        attempts.succeeded(user.username(), clientIp, channel, Action.LOGIN_SECOND_FACTOR, null);
        return true;
    }

    private enum Check { PASSED, WRONG, REPLAYED }

    /** Checks a code against the confirmed secret and marks its step used, atomically (a code works once). */
    private Check consume(long userId, String code) {
        Optional<String> secret = secret(userId, true);
        if (secret.isEmpty()) {
            return Check.WRONG;
        }
        OptionalLong step = Totp.matchingStep(base32.decode(secret.get()), code, time.now());
        if (step.isEmpty()) {
            return Check.WRONG;
        }
        int updated = jdbc.update("update app.user_totp set last_used_step = ? where user_id = ?"
                        + " and confirmed_at is not null and (last_used_step is null or last_used_step < ?)",
                step.getAsLong(), userId, step.getAsLong());
        return updated == 1 ? Check.PASSED : Check.REPLAYED;
    }

    private Optional<String> secret(long userId, boolean confirmed) {
        return jdbc.query("select secret_cipher from app.user_totp where user_id = ? and confirmed_at is "
                        + (confirmed ? "not null" : "null"), (rs, i) -> protector.decrypt(rs.getBytes(1)), userId)
                .stream().findFirst();
    }

    private Enrolment enrolment(GridGovUser user, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + user.username(), StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%3A", ":");
        String uri = "otpauth://totp/" + label + "?secret=" + secret.replace("=", "") + "&issuer=" + ISSUER;
        return new Enrolment(secret.replace("=", ""), uri, QrSvg.dataUri(uri));
    }
}
