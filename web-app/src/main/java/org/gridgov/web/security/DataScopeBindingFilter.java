package org.gridgov.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.grid.DataScopeContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in user's data scope to the request thread, after authentication; every scoped query in the
 * request is narrowed by it. Anonymous requests get no scope and so see nothing.
 */
class DataScopeBindingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof GridGovUser user) {
            DataScopeContext.bind(user.scope());
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            DataScopeContext.clear();
        }
    }
}
