package org.gridgov.accounts.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gridgov.accounts.AccountDirectory;
import org.gridgov.accounts.Actor;
import org.gridgov.accounts.Role;
import org.gridgov.accounts.RolePermissions;
import org.gridgov.accounts.SignInAccount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

@Service
class AccountDirectoryService implements AccountDirectory {

    private static final String SELECT = "select a.id, a.username, a.password_hash, a.display_name, a.role,"
            + " a.unit_id, u.path, a.enabled from app.user_account a join grid.unit u on u.id = a.unit_id ";

    private final JdbcTemplate jdbc;
    private final RolePermissions grants;
    private final RowMapper<SignInAccount> mapper;

    AccountDirectoryService(JdbcTemplate jdbc, RolePermissions grants) {
        this.jdbc = jdbc;
        this.grants = grants;
        // the permissions are attached after the rows are read: looking them up from inside the row mapper would
        // ask for a second connection while the result set still holds the first
        this.mapper = (rs, i) -> new SignInAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Role.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getBoolean(8), Set.of());
    }

    private Optional<SignInAccount> withGrants(List<SignInAccount> found) {
        return found.stream().findFirst().map(a -> new SignInAccount(a.id(), a.username(), a.passwordHash(),
                a.displayName(), a.role(), a.unitId(), a.scopePath(), a.enabled(), grants.of(a.role())));
    }

    @Override
    public Optional<SignInAccount> findByUsername(String username) {
        return withGrants(jdbc.query(SELECT + "where a.username = ? and a.role is not null", mapper, username));
    }

    @Override
    public Optional<SignInAccount> findById(long id) {
        return withGrants(jdbc.query(SELECT + "where a.id = ? and a.role is not null", mapper, id));
    }

    @Override
    public boolean isActive(long id) {
        return Boolean.TRUE.equals(jdbc.query("select enabled from app.user_account where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, id));
    }

    @Override
    public Optional<Set<String>> currentPermissions(Actor user, long unitId) {
        List<Object[]> rows = jdbc.query("select enabled, role, unit_id from app.user_account where id = ?",
                (rs, i) -> new Object[] {rs.getBoolean(1), rs.getString(2), rs.getLong(3)}, user.id());
        if (rows.isEmpty() || !(Boolean) rows.get(0)[0] || !user.role().name().equals(rows.get(0)[1])
                || unitId != (Long) rows.get(0)[2]) {
            return Optional.empty();
        }
        return Optional.of(grants.of(user.role()));
    }

    @Override
    public void updatePasswordHash(String username, String newHash) {
        jdbc.update("update app.user_account set password_hash = ? where username = ?", newHash, username);
    }
}
