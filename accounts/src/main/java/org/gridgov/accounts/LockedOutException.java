package org.gridgov.accounts;

import java.time.Instant;

/** A login step refused because the account is locked after too many failures, until {@link #until()}. */
public class LockedOutException extends RuntimeException {

    private final transient Instant until;

    public LockedOutException(Instant until) {
        super("account locked until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
