package org.gridgov.accounts.internal;

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
import org.gridgov.accounts.AccountAudit;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.Actor;
import org.gridgov.accounts.TotpFactors;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.PlatformTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class TotpFactorService implements TotpFactors {

    private final JdbcTemplate jdbc;
    private final FieldProtector protector;
    private final LoginAttemptService attempts;
    private final AccountAudit audit;
    private final PlatformTime time;
    private final PasswordEncoder encoder;
    private final Set<String> requiredRoles;
    private final SecureRandom random = new SecureRandom();
    private final Base32 base32 = new Base32();

    TotpFactorService(JdbcTemplate jdbc, FieldProtector protector, LoginAttemptService attempts, AccountAudit audit,
                      PlatformTime time, PasswordEncoder encoder,
                      @Value("${gridgov.security.totp.required-roles:}") String requiredRoles) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.attempts = attempts;
        this.audit = audit;
        this.time = time;
        this.encoder = encoder;
        this.requiredRoles = Arrays.stream(requiredRoles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean required(Actor user) {
        return requiredRoles.contains(user.role().name());
    }

    @Override
    public boolean enrolled(long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from app.user_totp where user_id = ?"
                + " and confirmed_at is not null)", Boolean.class, userId));
    }

    @Override
    public Status status(Actor user) {
        List<Status> found = jdbc.query("select confirmed_at from app.user_totp where user_id = ?",
                (rs, i) -> {
                    Timestamp confirmed = rs.getTimestamp(1);
                    return new Status(confirmed != null, confirmed == null ? null : confirmed.toInstant(),
                            confirmed == null, required(user));
                }, user.id());
        return found.stream().findFirst().orElse(new Status(false, null, false, required(user)));
    }

    @Override
    public Enrolment start(Actor user) {
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

    @Override
    public Optional<Enrolment> enrolling(Actor user) {
        return secret(user.id(), false).map(secret -> enrolment(user, secret));
    }

    @Override
    public void confirm(Actor user, String code, String clientIp) {
        String secret = secret(user.id(), false)
                .orElseThrow(() -> DomainException.onField("code", "totp.noEnrolment"));
        Instant now = time.now();
        OptionalLong step = Totp.matchingStep(base32.decode(secret), code, now);
        if (step.isEmpty() || jdbc.update("update app.user_totp set confirmed_at = ?, last_used_step = ?"
                + " where user_id = ? and confirmed_at is null", Timestamp.from(now), step.getAsLong(),
                user.id()) != 1) {
            audit.record(user.username(), Event.TOTP_ENROL, "self", Outcome.FAILURE, clientIp, "wrong code");
            throw DomainException.onField("code", "totp.codeWrong");
        }
        audit.record(user.username(), Event.TOTP_ENROL, "self", Outcome.SUCCESS, clientIp, null);
    }

    @Override
    public void remove(Actor user, String password, String code, String clientIp) {
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
            audit.record(user.username(), Event.TOTP_REMOVE, "self", Outcome.FAILURE, clientIp, ex.code());
            throw ex;
        }
        jdbc.update("delete from app.user_totp where user_id = ?", user.id());
        audit.record(user.username(), Event.TOTP_REMOVE, "self", Outcome.SUCCESS, clientIp, null);
    }

    @Override
    public boolean verifyLogin(Actor user, String code, String clientIp, String channel) {
        attempts.checkNotLocked(user.username(), clientIp, channel);
        Check check = consume(user.id(), code);
        if (check != Check.PASSED) {
            attempts.failed(user.username(), clientIp, channel, Event.LOGIN_SECOND_FACTOR,
                    check == Check.REPLAYED ? "replayed code" : "wrong code");
            return false;
        }
        attempts.succeeded(user.username(), clientIp, channel, Event.LOGIN_SECOND_FACTOR, null);
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

    private Enrolment enrolment(Actor user, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + user.username(), StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%3A", ":");
        String uri = "otpauth://totp/" + label + "?secret=" + secret.replace("=", "") + "&issuer=" + ISSUER;
        return new Enrolment(secret.replace("=", ""), uri, QrSvg.dataUri(uri));
    }
}
