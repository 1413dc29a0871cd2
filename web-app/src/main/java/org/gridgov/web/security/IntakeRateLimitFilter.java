package org.gridgov.web.security;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Case intake (POST /api/v1/cases) per signed-in user: there is no anonymous intake, so the limit is per user
 * ({@code gridgov.security.rate-limit.intake-per-user}). Over it: 429, Retry-After, a JSON message.
 */
class IntakeRateLimitFilter extends OncePerRequestFilter {

    static final String INTAKE = "/api/v1/cases";

    private final RateLimits limits;
    private final ErrorWriter errors;

    IntakeRateLimitFilter(RateLimits limits, ErrorWriter errors) {
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if ("POST".equals(request.getMethod()) && INTAKE.equals(request.getRequestURI())
                && auth != null && auth.getPrincipal() instanceof GridGovUser user) {
            OptionalLong wait = limits.tryTake(RateLimits.Kind.INTAKE_USER, user.username());
            if (wait.isPresent()) {
                response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
                errors.write(request, response, 429, "too_many_requests", "error.rateLimited", wait.getAsLong());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
