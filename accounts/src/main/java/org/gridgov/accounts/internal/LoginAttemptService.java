package org.gridgov.accounts.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gridgov.accounts.AccountAudit;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.LockedOutException;
import org.gridgov.accounts.LoginAttempts;
import org.gridgov.grid.PlatformTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
class LoginAttemptService implements LoginAttempts {

    private final JdbcTemplate jdbc;
    private final AccountAudit audit;
    private final PlatformTime time;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttemptService(JdbcTemplate jdbc, AccountAudit audit, PlatformTime time,
                        @Value("${gridgov.security.lockout.max-failures:5}") int maxFailures,
                        @Value("${gridgov.security.lockout.duration:PT15M}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @Override
    public void checkNotLocked(String username, String clientIp, String channel) {
        Optional<Instant> until = lockedUntil(username).filter(time.now()::isBefore);
        if (until.isPresent()) {
            audit.record(username, Event.LOGIN, channel, Outcome.LOCKED, clientIp, "locked until " + until.get());
            throw new LockedOutException(until.get());
        }
    }

    @Override
    public void failed(String username, String clientIp, String channel) {
        failed(username, clientIp, channel, Event.LOGIN, "bad credentials");
    }

    /**
     * Counts a failure of any login step (a wrong password, a wrong second-factor code), audited as {@code action};
     * the one that reaches the limit locks the account and is refused as locked.
     */
    void failed(String username, String clientIp, String channel, Event action, String detail) {
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
        audit.record(username, action, channel, Outcome.FAILURE, clientIp,
                locked.isEmpty() ? "unknown user" : detail);
        if (!locked.isEmpty() && locked.get(0) != null) {
            jdbc.update("update app.user_account set locked_until = ? where username = ?",
                    Timestamp.from(lockUntil), username);
            audit.record(username, Event.LOCKOUT, channel, Outcome.LOCKED, clientIp,
                    maxFailures + " failures, locked until " + lockUntil);
            throw new LockedOutException(lockUntil);
        }
    }

    @Override
    public void succeeded(String username, String clientIp, String channel) {
        succeeded(username, clientIp, channel, Event.LOGIN, null);
    }

    /** The last step of a login passed: the failure count starts again from zero. */
    void succeeded(String username, String clientIp, String channel, Event action, String detail) {
        jdbc.update("update app.user_account set failed_count = 0, locked_until = null where username = ?",
                username);
        audit.record(username, action, channel, Outcome.SUCCESS, clientIp, detail);
    }

    @Override
    public void passwordPassed(String username, String clientIp, String channel) {
        audit.record(username, Event.LOGIN, channel, Outcome.SUCCESS, clientIp, "password; second factor pending");
    }

    @Override
    public void refused(String username, String clientIp, String channel, String reason) {
        audit.record(username, Event.LOGIN, channel, Outcome.REFUSED, clientIp, reason);
    }

    @Override
    public void rateLimited(String username, String clientIp, String channel, boolean secondFactor) {
        audit.record(username, secondFactor ? Event.LOGIN_SECOND_FACTOR : Event.LOGIN, channel,
                Outcome.RATE_LIMITED, clientIp, null);
    }

    private Optional<Instant> lockedUntil(String username) {
        return jdbc.query("select locked_until from app.user_account where username = ? and locked_until is not null",
                (rs, i) -> rs.getTimestamp(1).toInstant(), username).stream().findFirst();
    }
}
