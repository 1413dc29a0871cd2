package org.gridgov.accounts.internal;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gridgov.accounts.AccountAdministration;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountRequests.Kind;
import org.gridgov.accounts.Actor;
import org.gridgov.accounts.Role;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountAdministrationService implements AccountAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    // locked until: the latest lock of the user name on any address (or on all of them), see LoginFailures
    private static final String SELECT = "select a.id, a.username, a.display_name, a.role, a.unit_id, u.name,"
            + " a.enabled, (select max(f.locked_until) from app.login_failure f where f.username = a.username),"
            + " a.created_at from app.user_account a join grid.unit u on u.id = a.unit_id ";

    private static final RowMapper<AccountView> MAPPER = (rs, i) -> new AccountView(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4) == null ? null : Role.valueOf(rs.getString(4)), rs.getLong(5),
            rs.getString(6), rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class),
            rs.getObject(9, OffsetDateTime.class));

    private final JdbcTemplate jdbc;
    private final Hierarchy hierarchy;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final PlatformTime time;
    private final AccountChanges changes;
    private final AccountRequestService requests;

    /** A user's API tokens die when their password, role, unit or enablement changes. */
    private final org.gridgov.accounts.ApiTokens tokens;

    AccountAdministrationService(JdbcTemplate jdbc, Hierarchy hierarchy, PasswordEncoder encoder, PasswordPolicy policy,
                                 PlatformTime time, org.gridgov.accounts.ApiTokens tokens, AccountChanges changes,
                                 AccountRequestService requests) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.encoder = encoder;
        this.policy = policy;
        this.time = time;
        this.changes = changes;
        this.requests = requests;
    }

    @Override
    public PageResult<AccountView> search(String q, int page, int size) {
        String like = q == null || q.isBlank() ? "%" : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        long total = jdbc.queryForObject("select count(*) from app.user_account a where a.username like ?"
                + " or a.display_name like ?", Long.class, like, like);
        List<AccountView> rows = jdbc.query(SELECT + "where a.username like ? or a.display_name like ?"
                + " order by a.username limit ? offset ?", MAPPER, like, like, size, (long) page * size);
        return new PageResult<>(rows, page, size, total);
    }

    @Override
    public AccountView get(long id) {
        return jdbc.query(SELECT + "where a.id = ?", MAPPER, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("account", id));
    }

    @Override
    @Transactional
    public AccountView create(NewAccount account, Actor by) {
        String username = account.username() == null ? "" : account.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw DomainException.onField("username", "admin.accounts.username.invalid");
        }
        if (account.displayName() == null || account.displayName().isBlank()) {
            throw DomainException.onField("displayName", "admin.accounts.displayName.required");
        }
        if (account.unitId() == null) {
            throw DomainException.onField("unitId", "admin.accounts.unit.required");
        }
        hierarchy.get(account.unitId());
        policy.check(username, account.password() == null ? "" : account.password());
        Integer taken = jdbc.queryForObject("select count(*) from app.user_account where username = ?",
                Integer.class, username);
        if (taken != null && taken > 0) {
            throw DomainException.onField("username", "admin.accounts.username.taken");
        }
        Timestamp now = Timestamp.from(time.now());
        // the first password is the system admin's: one-time, the user chooses their own at the first sign-in
        Long id = jdbc.queryForObject("insert into app.user_account (username, password_hash, display_name, role,"
                        + " unit_id, enabled, password_changed_at, must_change_password, created_at, updated_at)"
                        + " values (?, ?, ?, null, ?, true, ?, true, ?, ?) returning id",
                Long.class, username, encoder.encode(account.password()), account.displayName().strip(),
                account.unitId(), now, now, now);
        record(by, Event.USER_CREATE, id, "unit=" + account.unitId());
        return get(id);
    }

    @Override
    @Transactional
    public AccountView update(long id, String displayName, Long unitId, Actor by) {
        AccountView before = editable(id, by);
        if (displayName == null || displayName.isBlank()) {
            throw DomainException.onField("displayName", "admin.accounts.displayName.required");
        }
        if (unitId == null) {
            throw DomainException.onField("unitId", "admin.accounts.unit.required");
        }
        boolean department = hierarchy.get(unitId).level() == UnitLevel.DEPARTMENT;
        if (before.role() != null && before.role().administrative() && unitId != hierarchy.root().id()) {
            throw DomainException.onField("unitId", "admin.accounts.adminAtRoot");
        }
        if (before.role() != null && department != (before.role() == Role.DEPARTMENT_HANDLER)) {
            throw DomainException.onField("unitId", "admin.accounts.departmentRole");
        }
        jdbc.update("update app.user_account set display_name = ?, unit_id = ?, updated_at = ? where id = ?",
                displayName.strip(), unitId, Timestamp.from(time.now()), id);
        if (before.unitId() != unitId.longValue()) {
            tokens.revokeAll(id); // a token carries no scope of its own, but a moved user signs in afresh
        }
        record(by, Event.USER_UPDATE, id, "unit " + before.unitId() + "->" + unitId);
        return get(id);
    }

    @Override
    @Transactional
    public AccountView setEnabled(long id, boolean enabled, Actor by) {
        editable(id, by);
        jdbc.update("update app.user_account set enabled = ?, updated_at = ? where id = ?", enabled,
                Timestamp.from(time.now()), id);
        if (!enabled) {
            tokens.revokeAll(id);
        }
        record(by, enabled ? Event.USER_ENABLE : Event.USER_DISABLE, id, null);
        return get(id);
    }

    @Override
    @Transactional
    public Change resetPassword(long id, String password, Actor by) {
        AccountView account = editable(id, by);
        policy.check(account.username(), password == null ? "" : password);
        String hash = encoder.encode(password);
        if (account.role() != null && account.role().privileged()) {
            // the password of an administrator or a district admin: not one administrator's alone to set
            return new Change(account, Optional.of(requests.open(Kind.PASSWORD_RESET, account, null, hash, by)));
        }
        changes.setPassword(id, hash, by, null);
        return new Change(get(id), Optional.empty());
    }

    @Override
    @Transactional
    public Change assignRole(long id, Role role, Actor by) {
        AccountView before = editable(id, by);
        if (role == null) {
            throw DomainException.onField("role", "admin.accounts.role.required");
        }
        if (role.administrative() && before.unitId() != hierarchy.root().id()) {
            throw DomainException.onField("role", "admin.accounts.adminAtRoot");
        }
        // a department's users handle its cases; anyone else belongs to the territory
        if ((hierarchy.get(before.unitId()).level() == UnitLevel.DEPARTMENT) != (role == Role.DEPARTMENT_HANDLER)) {
            throw DomainException.onField("role", "admin.accounts.departmentRole");
        }
        if (role != before.role() && (role.privileged() || (before.role() != null && before.role().privileged()))) {
            // granting a privileged role, or taking one away: not one administrator's alone to decide
            return new Change(before, Optional.of(requests.open(Kind.ROLE_ASSIGN, before, role, null, by)));
        }
        changes.setRole(id, before.role(), role, by, null);
        return new Change(get(id), Optional.empty());
    }

    @Override
    @Transactional
    public AccountView unlock(long id, Actor by) {
        AccountView account = editable(id, by);
        // every address of the name, and the back-off of all of them
        jdbc.update(LoginFailures.FORGET_NAME, account.username());
        record(by, Event.ACCOUNT_UNLOCK, id, null);
        return get(id);
    }

    private AccountView editable(long id, Actor by) {
        AccountView account = get(id);
        if (account.id() == by.id()) {
            throw DomainException.onField("id", "admin.accounts.self");
        }
        return account;
    }

    private void record(Actor by, Event action, long accountId, String detail) {
        changes.record(by, action, accountId, detail);
    }
}
