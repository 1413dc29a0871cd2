package org.gridgov.web.security;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gridgov.grid.PlatformTime;
import org.gridgov.web.support.Messages;
import org.springframework.stereotype.Component;

/**
 * The message for a refused login, in the user's language: too many failures (one message whether the name is locked
 * on this address or backed off on all, and whether it exists), too many attempts.
 */
@Component
public class LoginRefusals {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final PlatformTime time;

    LoginRefusals(Messages messages, PlatformTime time) {
        this.messages = messages;
        this.time = time;
    }

    public String locked(Instant until) {
        return messages.get("login.locked", TIME.withZone(time.zone()).format(until));
    }

    public String rateLimited(long retryAfterSeconds) {
        return messages.get("login.rateLimited", retryAfterSeconds);
    }

    /** The message for the refusal a failed form login forwarded with, if any. */
    public Optional<String> of(HttpServletRequest request) {
        Object exception = request.getAttribute(LoginFailureHandler.EXCEPTION_ATTRIBUTE);
        if (exception instanceof AccountLockedException locked) {
            return Optional.of(locked(locked.until()));
        }
        if (exception instanceof LoginRateLimitedException limited) {
            return Optional.of(rateLimited(limited.retryAfterSeconds()));
        }
        return Optional.empty();
    }
}
