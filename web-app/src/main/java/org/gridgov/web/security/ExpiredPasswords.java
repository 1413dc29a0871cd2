package org.gridgov.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session signed in with a password older than the maximum age may only change it (or sign out): every other
 * page redirects to {@code /account/password?expired} until the change clears the mark.
 */
public final class ExpiredPasswords extends OncePerRequestFilter {

    static final String ATTRIBUTE = ExpiredPasswords.class.getName();
    static final String CHANGE_PAGE = "/account/password";

    static void mark(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    /** After a successful change: the session may go anywhere again. */
    public static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI();
        if (session != null && session.getAttribute(ATTRIBUTE) != null && !allowed(path)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE + "?expired");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        return path.equals(CHANGE_PAGE) || path.equals("/logout") || path.startsWith("/login")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.equals("/error");
    }
}
