package org.gridgov.web.security;

import java.util.Optional;

import org.gridgov.accounts.AccountDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The accounts ({@link AccountDirectory}) as Spring Security's users ({@link GridGovUser}). */
@Service
public class UserAccounts implements UserDetailsService, UserDetailsPasswordService {

    private final AccountDirectory directory;

    UserAccounts(AccountDirectory directory) {
        this.directory = directory;
    }

    /** The account for a login; one without a role yet cannot sign in: to the login it does not exist. */
    @Override
    public GridGovUser loadUserByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public Optional<GridGovUser> findByUsername(String username) {
        return directory.findByUsername(username).map(GridGovUser::of);
    }

    public Optional<GridGovUser> findById(long id) {
        return directory.findById(id).map(GridGovUser::of);
    }

    /**
     * The account as it stands now for a signed-in user: empty when it was disabled, deleted or given another role or
     * node (the session ends); otherwise the user with the permissions the role holds now.
     */
    public Optional<GridGovUser> current(GridGovUser user) {
        return directory.currentPermissions(user, user.unitId())
                .map(now -> now.equals(user.permissions()) ? user : user.withPermissions(now));
    }

    /** Stores a password re-hashed with the current encoder when an older format was used at login. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newHash) {
        directory.updatePasswordHash(user.getUsername(), newHash);
        return loadUserByUsername(user.getUsername());
    }
}
