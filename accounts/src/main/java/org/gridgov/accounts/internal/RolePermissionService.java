package org.gridgov.accounts.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridgov.accounts.AccountAudit;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.AdminPermission;
import org.gridgov.accounts.PermissionCatalog;
import org.gridgov.accounts.Role;
import org.gridgov.accounts.RolePermissions;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.PermissionCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The grants, cached here and reloaded after each change (and every 30 s, for changes made by other instances). */
@Service
class RolePermissionService implements RolePermissions {

    private final JdbcTemplate jdbc;
    private final AccountAudit audit;
    private final PermissionCatalog catalog;
    /** Other instances of the application see a change after at most this long. */
    private static final long RELOAD_NANOS = 30_000_000_000L;

    private volatile Map<Role, Set<String>> cache;
    private volatile long loadedAt;

    RolePermissionService(JdbcTemplate jdbc, AccountAudit audit, PermissionCatalog catalog) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.catalog = catalog;
    }

    @Override
    public Set<String> of(Role role) {
        if (role == null) {
            return Set.of();
        }
        Map<Role, Set<String>> grants = cache;
        if (grants == null || System.nanoTime() - loadedAt > RELOAD_NANOS) {
            grants = load();
        }
        return grants.getOrDefault(role, Set.of());
    }

    @Override
    public boolean holds(Role role, PermissionCode permission) {
        return of(role).contains(permission.code());
    }

    @Override
    public Map<Role, Set<String>> matrix() {
        Map<Role, Set<String>> all = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            all.put(role, new TreeSet<>(of(role)));
        }
        return all;
    }

    @Override
    @Transactional
    public boolean change(Role role, PermissionCode permission, boolean granted, String by) {
        if (role.administrative()) {
            throw DomainException.onField("role", "admin.permissions.adminRoleFixed");
        }
        if (PermissionCatalog.administrative(permission)) {
            throw DomainException.onField("permission", "admin.permissions.adminPermissionReserved");
        }
        if (catalog.ofCode(permission.code()).isEmpty()) {
            throw DomainException.onField("permission", "admin.permissions.unknown");
        }
        int changed = granted
                ? jdbc.update("insert into app.role_permission (role, permission, granted_by) values (?, ?, ?)"
                        + " on conflict do nothing", role.name(), permission.code(), by)
                : jdbc.update("delete from app.role_permission where role = ? and permission = ?", role.name(),
                        permission.code());
        cache = null;
        if (changed > 0) {
            audit.recordFromRequest(by, granted ? Event.PERMISSION_GRANT : Event.PERMISSION_REVOKE,
                    "role " + role.name(), Outcome.SUCCESS, permission.code());
        }
        return changed > 0;
    }

    private Map<Role, Set<String>> load() {
        Map<Role, Set<String>> grants = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            grants.put(role, new TreeSet<>());
        }
        jdbc.query("select role, permission from app.role_permission", rs -> {
            grants.get(Role.valueOf(rs.getString(1))).add(rs.getString(2));
        });
        for (Role role : Role.values()) {
            if (role.administrative()) {
                Set<String> owned = new TreeSet<>();
                for (AdminPermission p : AdminPermission.ownedBy(role)) {
                    owned.add(p.code());
                }
                grants.put(role, owned);
            }
        }
        Map<Role, Set<String>> frozen = new EnumMap<>(Role.class);
        grants.forEach((role, codes) -> frozen.put(role, Collections.unmodifiableSet(codes)));
        loadedAt = System.nanoTime();
        cache = frozen;
        return frozen;
    }
}
