package org.gridgov.web.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting and from where, for audit rows written during a web request. */
final class RequestOrigin {

    private RequestOrigin() {
    }

    /** The current HTTP request, or null outside one (scheduled jobs, the demo loader). */
    static HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    static String clientIp() {
        HttpServletRequest request = request();
        return request == null ? null : request.getRemoteAddr();
    }
}
