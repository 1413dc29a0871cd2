package org.gridgov.web.support;

import jakarta.servlet.http.HttpServletRequest;

import org.gridgov.audit.AuditContext;
import org.gridgov.grid.TooManyLookupsException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting and from where, for audit rows written during a web request: the request and the signed-in user. */
@Component
class RequestAuditContext implements AuditContext {

    /** The current HTTP request, or null outside one (scheduled jobs, the demo loader). */
    private static HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    @Override
    public boolean inRequest() {
        return request() != null;
    }

    @Override
    public String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    @Override
    public String clientIp() {
        HttpServletRequest request = request();
        return request == null ? null : request.getRemoteAddr();
    }

    @Override
    public boolean refused(Throwable failure) {
        return failure instanceof AccessDeniedException || failure instanceof TooManyLookupsException;
    }
}
