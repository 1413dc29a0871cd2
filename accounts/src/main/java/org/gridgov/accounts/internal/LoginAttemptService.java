package org.gridgov.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.gridgov.accounts.AccountAudit;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.LockedOutException;
import org.gridgov.accounts.LoginAttempts;
import org.gridgov.accounts.internal.LoginFailures.Count;
import org.gridgov.accounts.internal.LoginFailures.Limit;
import org.gridgov.grid.PlatformTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

@Service
class LoginAttemptService implements LoginAttempts {

    /** The first wait of the back-off of a name on all addresses; each further failure doubles it. */
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);

    private final LoginFailures failures;
    private final JdbcTemplate jdbc;
    private final AccountAudit audit;
    private final PlatformTime time;
    private final Limit perAddress;
    private final Limit allAddresses;

    LoginAttemptService(LoginFailures failures, JdbcTemplate jdbc, AccountAudit audit, PlatformTime time,
                        @Value("${gridgov.security.lockout.max-failures:5}") int maxFailures,
                        @Value("${gridgov.security.lockout.duration:PT15M}") Duration lockDuration,
                        @Value("${gridgov.security.lockout.global-max-failures:20}") int globalMaxFailures,
                        @Value("${gridgov.security.lockout.global-window:PT1H}") Duration globalWindow,
                        @Value("${gridgov.security.lockout.global-max-delay:PT5M}") Duration globalMaxDelay) {
        this.failures = failures;
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
        this.perAddress = new Limit(maxFailures, lockDuration, lockDuration, false, lockDuration, true);
        // the count of all addresses outlives its longest wait, or a wait would end it
        Duration window = globalWindow.compareTo(globalMaxDelay) < 0 ? globalMaxDelay : globalWindow;
        this.allAddresses = new Limit(globalMaxFailures, window, FIRST_BACK_OFF, true, globalMaxDelay, false);
    }

    @Override
    public void checkNotLocked(String username, String clientIp, String channel) {
        Instant now = now();
        Optional<Instant> until = failures.lockedUntil(LoginFailures.key(username), LoginFailures.address(clientIp),
                now);
        if (until.isPresent()) {
            audit.record(username, Event.LOGIN, channel, Outcome.LOCKED, clientIp, "locked until " + until.get());
            throw new LockedOutException(until.get(), now);
        }
    }

    @Override
    public void failed(String username, String clientIp, String channel) {
        failed(username, clientIp, channel, Event.LOGIN, "bad credentials");
    }

    /**
     * Counts a failure of any login step (a wrong password, a wrong second-factor code), audited as {@code action},
     * on the name's row for this address and its row for all addresses; the one that reaches a limit locks (audited
     * as a LOCKOUT with the address) and is refused as locked. A name without an account is counted the same way.
     */
    void failed(String username, String clientIp, String channel, Event action, String detail) {
        Instant now = now();
        String name = LoginFailures.key(username);
        Count here = failures.count(name, LoginFailures.address(clientIp), perAddress, now);
        Count everywhere = failures.count(name, LoginFailures.ALL_ADDRESSES, allAddresses, now);
        audit.record(username, action, channel, Outcome.FAILURE, clientIp, known(username) ? detail : "unknown user");
        if (here.failures() == perAddress.failures() && here.lockedUntil() != null) {
            audit.record(username, Event.LOCKOUT, channel, Outcome.LOCKED, clientIp, here.failures()
                    + " failures from " + clientIp + ", locked there until " + here.lockedUntil());
        }
        if (everywhere.failures() >= allAddresses.failures() && everywhere.lockedUntil() != null) {
            audit.record(username, Event.LOCKOUT, channel, Outcome.LOCKED, clientIp, everywhere.failures()
                    + " failures from all addresses, every address waits until " + everywhere.lockedUntil());
        }
        Instant until = later(here.lockedUntil(), everywhere.lockedUntil());
        if (until != null && until.isAfter(now)) {
            throw new LockedOutException(until, now);
        }
    }

    @Override
    public void succeeded(String username, String clientIp, String channel) {
        succeeded(username, clientIp, channel, Event.LOGIN, null);
    }

    /** The last step of a login passed: the count of this name on this address starts again from zero. */
    void succeeded(String username, String clientIp, String channel, Event action, String detail) {
        failures.forget(LoginFailures.key(username), LoginFailures.address(clientIp));
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

    /** Drops the counts that no longer matter; a single DELETE, safe when two nodes run it together. */
    @Scheduled(fixedDelayString = "${gridgov.security.lockout.purge-delay:PT10M}", initialDelayString = "PT5M")
    void purgeStale() {
        failures.purge(time.now(), perAddress.quiet(), allAddresses.quiet());
    }

    /** For the audit only (the answer never depends on it): whether an account has this name. */
    private boolean known(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from app.user_account where username = ?)", Boolean.class,
                username == null ? "" : username));
    }

    /** Now, as PostgreSQL keeps it (microseconds), so that a wait read back is exactly the one written. */
    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
