package org.gridgov.web.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gridgov.accounts.PasswordChanges.ChangeRequired;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session signed in with a password the user must change first (one an administrator set, which serves for one
 * sign-in, or one older than the maximum age) may only change it or sign out: every other page redirects to
 * {@code /account/password?required} (or {@code ?expired}), every other API call answers 403
 * {@code password_change_required} (or {@code password_expired}), until the change clears the mark.
 */
public final class RequiredPasswordChanges extends OncePerRequestFilter {

    static final String ATTRIBUTE = RequiredPasswordChanges.class.getName();
    public static final String CHANGE_PAGE = "/account/password";

    private final ErrorWriter errors;

    /** For the page chain (errors null) or the API chain. */
    RequiredPasswordChanges(ErrorWriter errors) {
        this.errors = errors;
    }

    /** Holds the session to the change page; gives back where to go now. */
    static String mark(HttpServletRequest request, ChangeRequired reason) {
        request.getSession().setAttribute(ATTRIBUTE, reason);
        return page(reason);
    }

    /** After a successful change: the session may go anywhere again. */
    public static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    static Optional<ChangeRequired> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((ChangeRequired) session.getAttribute(ATTRIBUTE));
    }

    /** The API's error key and message code for the reason. */
    public static String error(ChangeRequired reason) {
        return reason == ChangeRequired.EXPIRED ? "password_expired" : "password_change_required";
    }

    public static String message(ChangeRequired reason) {
        return reason == ChangeRequired.EXPIRED ? "password.expired" : "password.changeRequired";
    }

    private static String page(ChangeRequired reason) {
        return CHANGE_PAGE + (reason == ChangeRequired.EXPIRED ? "?expired" : "?required");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ChangeRequired> reason = of(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (reason.isEmpty() || allowed(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (errors != null) {
            errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, error(reason.get()),
                    message(reason.get()));
            return;
        }
        response.sendRedirect(request.getContextPath() + page(reason.get()));
    }

    private static boolean allowed(String path) {
        return path.equals(CHANGE_PAGE) || path.equals("/logout") || path.startsWith("/login")
                || path.equals("/api/v1/auth/password") || path.equals("/api/v1/auth/logout")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.equals("/error");
    }
}
