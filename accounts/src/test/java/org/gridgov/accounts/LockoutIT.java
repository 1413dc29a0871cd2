package org.gridgov.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.AccountsTestApplication.RecordedAudit;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The lockout per user name and client address on PostgreSQL, through {@link LoginAttempts}: a name is locked on the
 * address its failures came from only, an unknown name exactly like a known one; the back-off of all addresses
 * doubles up to its cap; parallel failures are each counted; the administrators' view and unlock see every address.
 */
@AccountsIntegrationTest
class LockoutIT {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    LoginAttempts attempts;
    @Autowired
    AccountAdministration administration;
    @Autowired
    RecordedAudit audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestClock clock;

    static String aName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
    }

    long anAccount(String username) {
        List<Long> units = jdbc.queryForList("select id from grid.unit where code = '990001'", Long.class);
        long unit = units.isEmpty() ? new HierarchyFixture(jdbc).district("990001", "锁定测试区") : units.get(0);
        return jdbc.queryForObject("insert into app.user_account (username, password_hash, display_name, role,"
                + " unit_id) values (?, ?, ?, 'GRID_WORKER', ?) returning id", Long.class, username,
                encoder.encode("irrelevant-1"), username, unit);
    }

    /** The outcome of a failure: how long it locks (0 when it does not). */
    long fail(String username, String ip) {
        try {
            attempts.failed(username, ip, "form");
            return 0;
        }
        catch (LockedOutException ex) {
            return ex.retryAfterSeconds();
        }
    }

    Integer count(String username, String ip) {
        return jdbc.query("select failed_count from app.login_failure where username = ? and client_ip = ?",
                rs -> rs.next() ? rs.getInt(1) : null, username, ip);
    }

    List<String> lockouts(String username) {
        return audit.entries.stream().filter(e -> e.username().equals(username) && e.event() == Event.LOCKOUT)
                .map(RecordedAudit.Entry::detail).toList();
    }

    @Test
    void theFifthFailureLocksTheNameOnThatAddressOnly() {
        String user = aName("pair");
        anAccount(user);
        for (int i = 0; i < 4; i++) {
            assertThat(fail(user, "10.1.1.1")).isZero();
        }
        assertThat(fail(user, "10.1.1.1")).isEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThatThrownBy(() -> attempts.checkNotLocked(user, "10.1.1.1", "form"))
                .isInstanceOf(LockedOutException.class);
        assertThatCode(() -> attempts.checkNotLocked(user, "10.1.1.2", "form")).doesNotThrowAnyException();
        assertThat(lockouts(user)).singleElement().asString().contains("5 failures from 10.1.1.1");
        assertThat(audit.entries).filteredOn(e -> e.username().equals(user) && e.outcome() == Outcome.LOCKED
                && e.event() == Event.LOGIN).hasSize(1);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThatCode(() -> attempts.checkNotLocked(user, "10.1.1.1", "form")).doesNotThrowAnyException();
        // a lock that ran out starts a fresh count
        assertThat(fail(user, "10.1.1.1")).isZero();
        assertThat(count(user, "10.1.1.1")).isEqualTo(1);
    }

    @Test
    void aNameWithoutAnAccountIsCountedAndLockedLikeOneWithAnAccount() {
        String known = aName("known");
        anAccount(known);
        String unknown = aName("nobody");
        List<Long> knownAnswers = new ArrayList<>();
        List<Long> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            knownAnswers.add(fail(known, "10.1.2.1"));
            unknownAnswers.add(fail(unknown, "10.1.2.2"));
        }
        assertThat(unknownAnswers).isEqualTo(knownAnswers).containsExactly(0L, 0L, 0L, 0L, 900L, 900L, 900L);
        assertThat(count(unknown, "10.1.2.2")).isEqualTo(count(known, "10.1.2.1")).isEqualTo(7);
        assertThat(lockouts(unknown)).hasSize(1);
        assertThat(audit.entries).filteredOn(e -> e.username().equals(unknown) && e.outcome() == Outcome.FAILURE)
                .extracting(RecordedAudit.Entry::detail).containsOnly("unknown user");
    }

    @Test
    void sixteenParallelFailuresAreEachCountedAndLockOnce() throws Exception {
        String user = aName("parallel");
        anAccount(user);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return fail(user, "10.1.3.1");
                }));
            }
            start.countDown();
            List<Long> locked = new ArrayList<>();
            for (Future<Long> answer : answers) {
                locked.add(answer.get(60, TimeUnit.SECONDS));
            }
            // the row's lock serializes the upserts: counts 1..16, the 5th to 16th are refused as locked
            assertThat(locked).filteredOn(seconds -> seconds > 0).hasSize(12);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(count(user, "10.1.3.1")).isEqualTo(16);
        assertThat(count(user, "*")).isEqualTo(16);
        assertThat(audit.entries).filteredOn(e -> e.username().equals(user) && e.outcome() == Outcome.FAILURE)
                .hasSize(16);
        assertThat(lockouts(user)).hasSize(1);
    }

    @Test
    void manyFailuresFromManyAddressesStartABackOffThatDoublesUpToFiveMinutes() {
        String user = aName("global");
        anAccount(user);
        for (int i = 1; i < 20; i++) {
            assertThat(fail(user, "10.2." + i + ".1")).isZero();
        }
        List<Long> waits = new ArrayList<>();
        waits.add(fail(user, "10.2.20.1"));
        for (int i = 21; i <= 30; i++) {
            clock.advance(Duration.ofSeconds(waits.get(waits.size() - 1)));
            waits.add(fail(user, "10.2." + i + ".1"));
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
        // every address waits, a fresh one too, and only as long as the back-off says
        assertThatThrownBy(() -> attempts.checkNotLocked(user, "10.3.0.1", "form"))
                .isInstanceOfSatisfying(LockedOutException.class,
                        ex -> assertThat(ex.retryAfterSeconds()).isBetween(299L, 300L));
        clock.advance(Duration.ofSeconds(300));
        assertThatCode(() -> attempts.checkNotLocked(user, "10.3.0.1", "form")).doesNotThrowAnyException();
        assertThat(lockouts(user)).hasSize(11).allMatch(detail -> detail.contains("from all addresses"));
        // no single address reached its own limit
        assertThat(jdbc.queryForObject("select count(*) from app.login_failure where username = ?"
                + " and client_ip <> '*' and locked_until is not null", Integer.class, user)).isZero();

        // an hour without failures and the name starts afresh
        clock.advance(Duration.ofHours(1));
        assertThat(fail(user, "10.3.0.2")).isZero();
        assertThat(count(user, "*")).isEqualTo(1);
    }

    @Test
    void aSuccessStartsTheCountOfItsOwnAddressAgainOnly() {
        String user = aName("success");
        anAccount(user);
        for (int i = 0; i < 4; i++) {
            fail(user, "10.4.0.1");
            fail(user, "10.4.0.2");
        }
        attempts.succeeded(user, "10.4.0.1", "form");
        assertThat(count(user, "10.4.0.1")).isNull();
        assertThat(count(user, "*")).isEqualTo(8);
        assertThat(fail(user, "10.4.0.1")).isZero();
        assertThat(fail(user, "10.4.0.2")).isPositive();
    }

    @Test
    void theAdministratorsSeeTheLatestLockOfAnyAddressAndUnlockEndsThemAll() {
        String user = aName("unlock");
        long id = anAccount(user);
        for (int i = 0; i < 5; i++) {
            fail(user, "10.5.0.1");
        }
        Instant first = administration.get(id).lockedUntil().toInstant();
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            fail(user, "10.5.0.2");
        }
        Instant later = administration.get(id).lockedUntil().toInstant();
        assertThat(later).isAfter(first.plus(Duration.ofMinutes(4)));
        assertThat(administration.get(id).locked(clock.instant())).isTrue();

        administration.unlock(id, securityAdmin());
        assertThat(administration.get(id).lockedUntil()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from app.login_failure where username = ?", Integer.class,
                user)).isZero();
        assertThatCode(() -> attempts.checkNotLocked(user, "10.5.0.1", "form")).doesNotThrowAnyException();
        assertThatCode(() -> attempts.checkNotLocked(user, "10.5.0.2", "form")).doesNotThrowAnyException();
    }

    @Test
    void aPasswordResetForgetsTheFailures() {
        String user = aName("reset");
        long id = anAccount(user);
        for (int i = 0; i < 5; i++) {
            fail(user, "10.6.0.1");
        }
        administration.resetPassword(id, "Fresh-start-2026", securityAdmin());
        assertThat(administration.get(id).lockedUntil()).isNull();
        assertThatCode(() -> attempts.checkNotLocked(user, "10.6.0.1", "form")).doesNotThrowAnyException();
    }

    static Actor securityAdmin() {
        return new Actor() {
            @Override
            public long id() {
                return -1;
            }

            @Override
            public String username() {
                return "secadmin-test";
            }

            @Override
            public Role role() {
                return Role.SECURITY_ADMIN;
            }
        };
    }
}
