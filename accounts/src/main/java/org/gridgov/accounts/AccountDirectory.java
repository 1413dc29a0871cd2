package org.gridgov.accounts;

import java.util.Optional;
import java.util.Set;

/** Users (app.user_account) with the path of the unit they are bound to, which is their data scope. */
public interface AccountDirectory {

    /**
     * The account for a login. One without a role yet (made by the system admin, waiting for the security admin)
     * cannot sign in: to the login it does not exist.
     */
    Optional<SignInAccount> findByUsername(String username);

    Optional<SignInAccount> findById(long id);

    /** Whether the account still exists and is enabled: checked on every request of a session or token. */
    boolean isActive(long id);

    /**
     * The permissions a signed-in user's account holds now: empty when it was disabled, deleted or given another role
     * or node (the session ends).
     */
    Optional<Set<String>> currentPermissions(Actor user, long unitId);

    /** Stores a password re-hashed with the current encoder when an older format was used at login. */
    void updatePasswordHash(String username, String newHash);
}
