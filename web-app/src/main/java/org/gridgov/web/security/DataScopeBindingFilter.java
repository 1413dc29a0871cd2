package org.gridgov.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.accounts.Role;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in user's data scope to the request thread, after authentication; every scoped query in the
 * request is narrowed by it (for a department user, also to the cases dispatched to its department). Anonymous requests get no scope and so see nothing.
 */
class DataScopeBindingFilter extends OncePerRequestFilter {

    private final Hierarchy hierarchy;

    DataScopeBindingFilter(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof GridGovUser user) {
            // a handler bound to a department (职能部门) sees, beside its own unit, the cases dispatched to it: the
            // hierarchy knows whether its unit is a department (a handler at the county keeps the county's subtree)
            DataScopeContext.bind(user.role() == Role.DEPARTMENT_HANDLER ? hierarchy.scopeOf(user.unitId())
                    : user.scope());
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            DataScopeContext.clear();
        }
    }
}
