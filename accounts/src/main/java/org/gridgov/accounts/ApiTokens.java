package org.gridgov.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Bearer tokens for API clients: 256 random bits handed out once; only their SHA-256 is stored, with an expiry
 * ({@code gridgov.api.token-ttl}, default 12 hours).
 */
public interface ApiTokens {

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(long userId);

    /** The user id of a valid token, unexpired on the platform clock that set its expiry (not the database's). */
    Optional<Long> userFor(String token);

    /** Ends one token (its client signs out); false when it was not a valid token. */
    boolean revoke(String token);

    /**
     * Ends every token of a user: their password was changed or reset, their role or unit changed, or they were
     * disabled. Returns how many ended.
     */
    int revokeAll(long userId);
}
