package org.gridgov.web.support;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.grid.DomainException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose query or form parameters hold a control character (NUL and the other C0 characters but
 * tab, line feed and carriage return): PostgreSQL cannot store NUL in text and answered such a search with an
 * error, which became a 500 page or a 409. Now a 400 that names the parameter, in the user's language.
 */
class ControlCharacters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControl(parameter.getKey())) {
                throw DomainException.onField("?", "error.parameterCharacters", "?");
            }
            for (String value : parameter.getValue()) {
                if (value != null && hasControl(value)) {
                    throw DomainException.onField(parameter.getKey(), "error.parameterCharacters",
                            parameter.getKey());
                }
            }
        }
        return true;
    }

    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
