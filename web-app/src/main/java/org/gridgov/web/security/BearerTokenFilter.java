package org.gridgov.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.accounts.ApiTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} on the API; an invalid token leaves the request anonymous. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserAccounts accounts;

    BearerTokenFilter(ApiTokens tokens, UserAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBearer(request)) {
            String token = request.getHeader("Authorization").substring(7).trim();
            // a request with a bearer header is the token's alone: the CSRF check is skipped for it, so a session
            // cookie that came along must not sign it in when the token is wrong (empty context → 401)
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            tokens.userFor(token).flatMap(accounts::findById).filter(GridGovUser::isEnabled).ifPresent(user -> {
                GridGovUser principal = user.withoutPassword();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        principal.getAuthorities()));
            });
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
