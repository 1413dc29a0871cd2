package org.gridgov.web.security;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

/** Where a login attempt came from: the client address and the way in ({@code form} or {@code api-token}). */
public record LoginDetails(String clientIp, String channel) implements Serializable {

    public static LoginDetails of(HttpServletRequest request, String channel) {
        return new LoginDetails(request.getRemoteAddr(), channel);
    }
}
