package org.gridgov.accounts;

import java.util.Set;

import org.gridgov.grid.DataScope;

/**
 * An account as a login sees it: who, the password hash, the role with the permission strings it holds now, and the
 * unit it is bound to with that unit's path, which is the user's data scope.
 */
public record SignInAccount(long id, String username, String passwordHash, String displayName, Role role,
                            long unitId, String scopePath, boolean enabled, Set<String> permissions) {

    public SignInAccount {
        permissions = Set.copyOf(permissions);
    }

    public DataScope scope() {
        return new DataScope(unitId, scopePath);
    }
}
