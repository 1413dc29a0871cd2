package org.gridgov.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * A login step refused after too many failures, until {@link #until()}: the name is locked on this address or backed
 * off on all of them. Which of the two, and whether the name exists, is not told.
 */
public class LockedOutException extends RuntimeException {

    private final transient Instant until;
    private final long retryAfterSeconds;

    public LockedOutException(Instant until, Instant now) {
        super("login refused until " + until);
        this.until = until;
        Duration wait = Duration.between(now, until);
        this.retryAfterSeconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    public Instant until() {
        return until;
    }

    /** The seconds until {@link #until()}, rounded up (at least 1): for a Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
