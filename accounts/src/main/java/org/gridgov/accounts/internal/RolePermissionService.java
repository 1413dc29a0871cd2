package org.gridgov.web.security;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridgov.grid.DomainException;
import org.gridgov.web.audit.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which role holds which permission: the business roles' grants from {@code app.role_permission} (edited by the
 * security admin, every change audited), the administrator roles' fixed sets from {@link Permission#ownedBy}. Read on
 * every request of a session (cached here, reloaded after each change), so a revoked permission stops working at the
 * user's next request.
 */
@Service
public class RolePermissions {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    /** Other instances of the application see a change after at most this long. */
    private static final long RELOAD_NANOS = 30_000_000_000L;

    private volatile Map<Role, Set<String>> cache;
    private volatile long loadedAt;

    RolePermissions(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The permission strings a role holds now. */
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

    /** Whether the role holds the permission now. */
    public boolean holds(Role role, Permission permission) {
        return of(role).contains(permission.code());
    }

    /** The whole matrix for the security admin's page and API: role → permission codes. */
    public Map<Role, Set<String>> matrix() {
        Map<Role, Set<String>> all = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            all.put(role, new TreeSet<>(of(role)));
        }
        return all;
    }

    /**
     * Grants or revokes a business permission of a business role. Refused (400, with the reason) for an administrator
     * role or an administrator permission: those are fixed, so no administrator can take over another's work.
     */
    @Transactional
    public boolean change(Role role, Permission permission, boolean granted, String by) {
        if (role.administrative()) {
            throw DomainException.onField("role", "admin.permissions.adminRoleFixed");
        }
        if (permission.administrative()) {
            throw DomainException.onField("permission", "admin.permissions.adminPermissionReserved");
        }
        int changed = granted
                ? jdbc.update("insert into app.role_permission (role, permission, granted_by) values (?, ?, ?)"
                        + " on conflict do nothing", role.name(), permission.code(), by)
                : jdbc.update("delete from app.role_permission where role = ? and permission = ?", role.name(),
                        permission.code());
        cache = null;
        if (changed > 0) {
            audit.recordFromRequest(by, granted ? AuditLog.Action.PERMISSION_GRANT
                    : AuditLog.Action.PERMISSION_REVOKE, "role " + role.name(), AuditLog.Result.SUCCESS,
                    permission.code());
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
                for (Permission p : Permission.ownedBy(role)) {
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
