package org.gridgov.web.security;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Users (app.user_account) with the path of the unit they are bound to, which is their data scope. */
@Service
public class UserAccounts implements UserDetailsService, UserDetailsPasswordService {

    private static final String SELECT = "select a.id, a.username, a.password_hash, a.display_name, a.role,"
            + " a.unit_id, u.path, a.enabled from app.user_account a join grid.unit u on u.id = a.unit_id ";

    private static final RowMapper<GridGovUser> MAPPER = (rs, i) -> new GridGovUser(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)), rs.getLong(6),
            rs.getString(7), rs.getBoolean(8));

    private final JdbcTemplate jdbc;

    UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public GridGovUser loadUserByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public Optional<GridGovUser> findByUsername(String username) {
        List<GridGovUser> found = jdbc.query(SELECT + "where a.username = ?", MAPPER, username);
        return found.stream().findFirst();
    }

    public Optional<GridGovUser> findById(long id) {
        return jdbc.query(SELECT + "where a.id = ?", MAPPER, id).stream().findFirst();
    }

    /** Whether the account still exists and is enabled: checked on every request of a session or token. */
    public boolean isActive(long id) {
        return Boolean.TRUE.equals(jdbc.query("select enabled from app.user_account where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, id));
    }

    /** Stores a password re-hashed with the current encoder when an older format was used at login. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newHash) {
        jdbc.update("update app.user_account set password_hash = ? where username = ?", newHash,
                user.getUsername());
        return loadUserByUsername(user.getUsername());
    }
}
