package org.gridgov.web.security;

import java.time.Instant;

import org.gridgov.accounts.LockedOutException;
import org.springframework.security.authentication.LockedException;

/**
 * A login refused after too many failures until {@link #until()}: the name is locked on this address or backed off on
 * all of them. The same for a name that has no account.
 */
public class AccountLockedException extends LockedException {

    private final transient Instant until;
    private final long retryAfterSeconds;

    public AccountLockedException(LockedOutException cause) {
        super("login refused until " + cause.until(), cause);
        this.until = cause.until();
        this.retryAfterSeconds = cause.retryAfterSeconds();
    }

    public Instant until() {
        return until;
    }

    /** For the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
