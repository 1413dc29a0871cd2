package org.gridgov.web.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed form login: a wrong password (or an unknown or disabled name) goes back to {@code /login?error}; too many
 * failures (locked on this address, backed off on all) or too many attempts is shown on the login page at once, 429
 * with Retry-After, with the reason in the user's language.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    /** The login page shown in answer to a refused POST /login (see LoginPage). */
    static final String REFUSED_PATH = "/login/refused";
    static final String EXCEPTION_ATTRIBUTE = LoginFailureHandler.class.getName() + ".exception";

    private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof LoginRateLimitedException limited) {
            tooMany(response, limited.retryAfterSeconds());
        }
        else if (exception instanceof AccountLockedException locked) {
            tooMany(response, locked.retryAfterSeconds());
        }
        else {
            wrongPassword.onAuthenticationFailure(request, response, exception);
            return;
        }
        request.setAttribute(EXCEPTION_ATTRIBUTE, exception);
        request.getRequestDispatcher(REFUSED_PATH).forward(request, response);
    }

    private static void tooMany(HttpServletResponse response, long retryAfterSeconds) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
