package org.gridgov.web.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    private final JdbcTemplate jdbc;
    private final RolePermissions grants;
    private final RowMapper<GridGovUser> mapper;

    UserAccounts(JdbcTemplate jdbc, RolePermissions grants) {
        this.jdbc = jdbc;
        this.grants = grants;
        // the permissions are attached after the rows are read: looking them up from inside the row mapper would
        // ask for a second connection while the result set still holds the first
        this.mapper = (rs, i) -> new GridGovUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Role.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getBoolean(8), Set.of());
    }

    private Optional<GridGovUser> withGrants(List<GridGovUser> found) {
        return found.stream().findFirst().map(user -> user.withPermissions(grants.of(user.role())));
    }

    /**
     * The account for a login. One without a role yet (made by the system admin, waiting for the security admin)
     * cannot sign in: to the login it does not exist.
     */
    @Override
    public GridGovUser loadUserByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public Optional<GridGovUser> findByUsername(String username) {
        return withGrants(jdbc.query(SELECT + "where a.username = ? and a.role is not null", mapper, username));
    }

    public Optional<GridGovUser> findById(long id) {
        return withGrants(jdbc.query(SELECT + "where a.id = ? and a.role is not null", mapper, id));
    }

    /** Whether the account still exists and is enabled: checked on every request of a session or token. */
    public boolean isActive(long id) {
        return Boolean.TRUE.equals(jdbc.query("select enabled from app.user_account where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, id));
    }

    /**
     * The account as it stands now for a signed-in user: empty when it was disabled, deleted or given another role or
     * node (the session ends); otherwise the user with the permissions the role holds now.
     */
    public Optional<GridGovUser> current(GridGovUser user) {
        List<Object[]> rows = jdbc.query("select enabled, role, unit_id from app.user_account where id = ?",
                (rs, i) -> new Object[] {rs.getBoolean(1), rs.getString(2), rs.getLong(3)}, user.id());
        if (rows.isEmpty() || !(Boolean) rows.get(0)[0] || !user.role().name().equals(rows.get(0)[1])
                || user.unitId() != (Long) rows.get(0)[2]) {
            return Optional.empty();
        }
        Set<String> now = grants.of(user.role());
        return Optional.of(now.equals(user.permissions()) ? user : user.withPermissions(now));
    }

    /** Stores a password re-hashed with the current encoder when an older format was used at login. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newHash) {
        jdbc.update("update app.user_account set password_hash = ? where username = ?", newHash,
                user.getUsername());
        return loadUserByUsername(user.getUsername());
    }
}
