package org.gridgov.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.gridgov.accounts.Actor;
import org.gridgov.accounts.Role;
import org.gridgov.accounts.SignInAccount;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.PermissionCode;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user: who they are, their role with the permission strings it holds now, and the subtree of the
 * hierarchy they may see.
 */
public record GridGovUser(long id, String username, String password, String displayName, Role role,
                          long unitId, String scopePath, boolean enabled, Set<String> permissions)
        implements UserDetails, Actor {

    public GridGovUser {
        permissions = Set.copyOf(permissions);
    }

    static GridGovUser of(SignInAccount account) {
        return new GridGovUser(account.id(), account.username(), account.passwordHash(), account.displayName(),
                account.role(), account.unitId(), account.scopePath(), account.enabled(), account.permissions());
    }

    /**
     * The user's data scope: the subtree of their unit; for a department handler also the cases dispatched to the
     * department they are bound to (whose own path covers no territory).
     */
    public DataScope scope() {
        return new DataScope(unitId, scopePath, role == Role.DEPARTMENT_HANDLER ? unitId : 0L);
    }

    /** Whether the user's role holds the permission. */
    public boolean can(PermissionCode permission) {
        return permissions.contains(permission.code());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>(permissions.size() + 1);
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return authorities;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Without the password hash, for keeping in a session or a security context. */
    public GridGovUser withoutPassword() {
        return new GridGovUser(id, username, "", displayName, role, unitId, scopePath, enabled, permissions);
    }

    /** The same user holding other permissions (after the security admin changed the role's grants). */
    public GridGovUser withPermissions(Set<String> now) {
        return new GridGovUser(id, username, password, displayName, role, unitId, scopePath, enabled, now);
    }

    @Override
    public String toString() {
        return "GridGovUser[" + username + ", " + role + ", unit " + unitId + "]";
    }
}
