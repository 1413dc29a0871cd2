package org.gridgov.web.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Fresh accounts for security tests, so that locking or disabling one never touches the demo users. */
final class SecurityTestAccounts {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private SecurityTestAccounts() {
    }

    /** A grid worker in grid1's grid with this password (hashed by the application's encoder); its user name. */
    static String aGridWorker(JdbcTemplate jdbc, PasswordEncoder encoder, String password) {
        return withHash(jdbc, encoder.encode(password));
    }

    /** The same, with the stored hash given as is (e.g. an old format). */
    static String withHash(JdbcTemplate jdbc, String hash) {
        String username = "sec-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " select ?, ?, '测试网格员', 'GRID_WORKER', unit_id from app.user_account where username = 'grid1'",
                username, hash);
        return username;
    }
}
