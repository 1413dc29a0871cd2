package org.gridgov.web.security;

import org.springframework.security.core.AuthenticationException;

/** A login refused before any password check: too many attempts from this address or for this user name. */
public class LoginRateLimitedException extends AuthenticationException {

    private final long retryAfterSeconds;

    public LoginRateLimitedException(long retryAfterSeconds) {
        super("too many login attempts; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
