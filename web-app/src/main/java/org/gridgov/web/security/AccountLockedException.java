package org.gridgov.web.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** A login refused because the account is locked after too many failures, until {@link #until()}. */
public class AccountLockedException extends LockedException {

    private final transient Instant until;

    public AccountLockedException(Instant until) {
        super("account locked until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
