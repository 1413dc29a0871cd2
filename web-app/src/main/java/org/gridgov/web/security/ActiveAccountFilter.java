package org.gridgov.web.security;

import java.io.IOException;
import java.util.Optional;


import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Disabling a user ends their sessions: on every request of a signed-in session the account is looked up again
 * (one primary-key read); a disabled or deleted account, or one given another role or node, loses its session and
 * the request goes on anonymous (so the page chain sends it to the login page and the API answers 401). A change of
 * the role's permissions applies from the next request. Bearer tokens are checked the same way in
 * {@link BearerTokenFilter}.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;

    ActiveAccountFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof GridGovUser user) {
            Optional<GridGovUser> now = accounts.current(user);
            if (now.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            else if (now.get() != user) {
                // the role's permissions changed: the session goes on with the ones it holds now
                UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
                        now.get(), null, now.get().getAuthorities());
                updated.setDetails(auth.getDetails());
                SecurityContextHolder.getContext().setAuthentication(updated);
            }
        }
        chain.doFilter(request, response);
    }
}
