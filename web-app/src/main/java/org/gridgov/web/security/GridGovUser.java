package org.gridgov.web.security;

import java.util.Collection;
import java.util.List;

import org.gridgov.grid.DataScope;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: who they are, their role, and the subtree of the hierarchy they may see. */
public record GridGovUser(long id, String username, String password, String displayName, Role role,
                          long unitId, String scopePath, boolean enabled) implements UserDetails {

    public DataScope scope() {
        return new DataScope(unitId, scopePath);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
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
        return new GridGovUser(id, username, "", displayName, role, unitId, scopePath, enabled);
    }

    @Override
    public String toString() {
        return "GridGovUser[" + username + ", " + role + ", unit " + unitId + "]";
    }
}
