package org.gridgov.web.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gridgov.grid.PlatformTime;
import org.gridgov.web.audit.AuditLog;
import org.gridgov.web.audit.AuditLog.Action;
import org.gridgov.web.audit.AuditLog.Result;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Account lockout (账户锁定): {@code gridgov.security.lockout.max-failures} consecutive failed logins (default 5) lock
 * the account for {@code gridgov.security.lockout.duration} (default 15 minutes); while locked even the right
 * password is refused; a successful login resets the count. Every attempt is audited.
 */
@Service
public class LoginAttempts {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final PlatformTime time;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(JdbcTemplate jdbc, AuditLog audit, PlatformTime time,
                  @Value("${gridgov.security.lockout.max-failures:5}") int maxFailures,
                  @Value("${gridgov.security.lockout.duration:PT15M}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /** Refuses the attempt (and audits it) when the account is locked now. */
    void checkNotLocked(String username, String clientIp, String channel) {
        Optional<Instant> until = lockedUntil(username).filter(time.now()::isBefore);
        if (until.isPresent()) {
            audit.record(username, Action.LOGIN, channel, Result.LOCKED, clientIp, "locked until " + until.get());
            throw new AccountLockedException(until.get());
        }
    }

    /** Counts a failure; the one that reaches the limit locks the account and is refused as locked. */
    void failed(String username, String clientIp, String channel) {
        failed(username, clientIp, channel, Action.LOGIN, "bad credentials");
    }

    /**
     * Counts a failure of any login step (a wrong password, a wrong second-factor code), audited as {@code action};
     * the one that reaches the limit locks the account and is refused as locked.
     */
    void failed(String username, String clientIp, String channel, Action action, String detail) {
        Instant now = time.now();
        Instant lockUntil = now.plus(lockDuration);
        // a lock that has run out starts a fresh count
        List<Instant> locked = jdbc.query("update app.user_account set"
                        + " failed_count = case when locked_until is not null and locked_until <= ? then 1"
                        + " else failed_count + 1 end,"
                        + " locked_until = case when locked_until is not null and locked_until <= ? then null"
                        + " else locked_until end where username = ? returning failed_count",
                (rs, i) -> rs.getInt(1) >= maxFailures ? lockUntil : null,
                Timestamp.from(now), Timestamp.from(now), username);
        audit.record(username, action, channel, Result.FAILURE, clientIp,
                locked.isEmpty() ? "unknown user" : detail);
        if (!locked.isEmpty() && locked.get(0) != null) {
            jdbc.update("update app.user_account set locked_until = ? where username = ?",
                    Timestamp.from(lockUntil), username);
            audit.record(username, Action.LOCKOUT, channel, Result.LOCKED, clientIp,
                    maxFailures + " failures, locked until " + lockUntil);
            throw new AccountLockedException(lockUntil);
        }
    }

    void succeeded(String username, String clientIp, String channel) {
        succeeded(username, clientIp, channel, Action.LOGIN, null);
    }

    /** The last step of a login passed: the failure count starts again from zero. */
    void succeeded(String username, String clientIp, String channel, Action action, String detail) {
        jdbc.update("update app.user_account set failed_count = 0, locked_until = null where username = ?",
                username);
        audit.record(username, action, channel, Result.SUCCESS, clientIp, detail);
    }

    /**
     * The password was right but a second factor is still to come: audited, and the failure count is kept (reset
     * only when the code is right too), so that right passwords in between do not give wrong codes fresh tries.
     */
    void passwordPassed(String username, String clientIp, String channel) {
        audit.record(username, Action.LOGIN, channel, Result.SUCCESS, clientIp, "password; second factor pending");
    }

    /** A disabled account: refused and audited, not counted. */
    void refused(String username, String clientIp, String channel, String reason) {
        audit.record(username, Action.LOGIN, channel, Result.REFUSED, clientIp, reason);
    }

    void rateLimited(String username, String clientIp, String channel) {
        audit.record(username, Action.LOGIN, channel, Result.RATE_LIMITED, clientIp, null);
    }

    private Optional<Instant> lockedUntil(String username) {
        return jdbc.query("select locked_until from app.user_account where username = ? and locked_until is not null",
                (rs, i) -> rs.getTimestamp(1).toInstant(), username).stream().findFirst();
    }
}
