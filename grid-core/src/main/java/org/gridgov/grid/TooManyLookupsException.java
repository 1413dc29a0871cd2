package org.gridgov.grid;

/** An exact look-up refused: the caller used up the look-ups of the minute or of the day ({@link ResidentLookups}). */
public class TooManyLookupsException extends DomainException {

    private final long retryAfterSeconds;

    public TooManyLookupsException(long retryAfterSeconds) {
        super("resident.lookup.tooMany", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the oldest counted look-up leaves its window (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
