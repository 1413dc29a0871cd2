package org.gridgov.web.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridgov.accounts.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The three administrators (三权分立) manage accounts, roles and the audit log; they see no residents, households,
 * cases or party records. Their requests may reach only their own pages and API (the permission checks on those
 * decide which of the three) and their account pages; everything else is 403, and the home page sends each to their
 * own page.
 */
class AdministratorBoundary extends OncePerRequestFilter {

    private static final List<String> ALLOWED = List.of("/admin/users", "/admin/security", "/admin/audit",
            "/admin/account-requests", "/account/", "/api/v1/admin/", "/api/v1/auth/", "/logout", "/login", "/error",
            // the pages' style sheet, scripts and images: without them an administrator's pages lose their layout
            "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

    private final ErrorWriter errors;

    AdministratorBoundary(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof GridGovUser user && user.role().administrative()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.isEmpty() || "/".equals(path)) {
                response.sendRedirect(request.getContextPath() + home(user.role()));
                return;
            }
            if (ALLOWED.stream().noneMatch(path::startsWith)) {
                if (path.startsWith("/api/")) {
                    errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "error.forbidden");
                }
                else {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static String home(Role role) {
        return switch (role) {
            case SYSTEM_ADMIN -> "/admin/users";
            case SECURITY_ADMIN -> "/admin/security";
            default -> "/admin/audit";
        };
    }
}
