package org.gridgov.web.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.web.security.SecondFactorSessions.State;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a held session (see {@link SecondFactorSessions}) to its one task: pages redirect to the code page or the
 * enrolment page; the API answers 403 with a message naming the second factor (the enrolment endpoints under
 * {@code /api/v1/auth/totp} stay open to a session that must enrol).
 */
final class SecondFactorGate extends OncePerRequestFilter {

    private final ErrorWriter errors;

    /** For the page chain (errors null) or the API chain. */
    SecondFactorGate(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<State> state = SecondFactorSessions.state(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (state.isEmpty() || allowed(state.get(), path)) {
            chain.doFilter(request, response);
            return;
        }
        boolean codeNeeded = state.get() == State.CODE_NEEDED;
        if (errors != null) {
            errors.write(request, response, HttpServletResponse.SC_FORBIDDEN,
                    codeNeeded ? "second_factor_required" : "second_factor_enrolment_required",
                    codeNeeded ? "totp.codeNeeded" : "totp.enrolRequired");
            return;
        }
        response.sendRedirect(request.getContextPath()
                + (codeNeeded ? SecondFactorSessions.CODE_PAGE : SecondFactorSessions.ENROL_PAGE + "?required"));
    }

    private static boolean allowed(State state, String path) {
        if (path.equals("/logout") || path.equals("/error") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.startsWith("/webjars/") || path.equals("/favicon.ico")) {
            return true;
        }
        return switch (state) {
            case CODE_NEEDED -> path.equals(SecondFactorSessions.CODE_PAGE);
            case ENROLMENT_NEEDED -> path.equals(SecondFactorSessions.ENROL_PAGE)
                    || path.startsWith(SecondFactorSessions.ENROL_PAGE + "/")
                    || path.equals("/api/v1/auth/totp") || path.startsWith("/api/v1/auth/totp/");
        };
    }
}
