package org.gridgov.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.gridgov.accounts.AccountsIntegrationTest;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The clean-up of the failure counts: only rows that no longer count go. */
@AccountsIntegrationTest
class LoginFailuresIT {

    @Autowired
    LoginFailures failures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    void row(String username, String ip, Instant last, Instant lockedUntil) {
        jdbc.update("insert into app.login_failure (username, client_ip, failed_count, first_failed_at,"
                + " last_failed_at, locked_until) values (?, ?, 3, ?, ?, ?)", username, ip, Timestamp.from(last),
                Timestamp.from(last), lockedUntil == null ? null : Timestamp.from(lockedUntil));
    }

    @Test
    void theCleanUpDeletesOnlyRowsQuietForLongerThanTheirPeriodAndWithoutALockInForce() {
        Instant now = clock.instant();
        String name = "purge-" + ProcessHandle.current().pid();
        row(name, "10.0.0.1", now.minus(Duration.ofMinutes(20)), null);
        row(name, "10.0.0.2", now.minus(Duration.ofMinutes(10)), null);
        row(name, "10.0.0.3", now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(1)));
        row(name, "*", now.minus(Duration.ofMinutes(20)), null);
        row(name + "-old", "*", now.minus(Duration.ofMinutes(70)), now.minus(Duration.ofMinutes(65)));

        int deleted = failures.purge(now, Duration.ofMinutes(15), Duration.ofHours(1));

        assertThat(deleted).isEqualTo(2);
        assertThat(jdbc.queryForList("select client_ip from app.login_failure where username like ?"
                + " order by client_ip", String.class, name + "%")).containsExactly("*", "10.0.0.2", "10.0.0.3");
    }
}
