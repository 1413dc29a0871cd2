package org.gridgov.web.archfixture;

import org.springframework.jdbc.core.JdbcTemplate;

/** Deliberately breaks "only accounts touches the account tables": reads TOTP secrets from outside the module. */
public class AccountTableReader {

    public Object secretOf(JdbcTemplate jdbc, long userId) {
        return jdbc.queryForList("select secret_cipher from app.user_totp where user_id = ?", userId);
    }
}
