package org.gridgov.web.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Writes an API error from a security filter, in the same shape as ApiError, in the request's language. */
@Component
public class ErrorWriter {

    private final JsonMapper json = JsonMapper.builder().build();
    private final MessageSource messages;
    private final LocaleResolver locales;

    ErrorWriter(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String error, String code,
               Object... args) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String message = messages.getMessage(code, args, code, locales.resolveLocale(request));
        json.writeValue(response.getWriter(), Map.of("status", status, "error", error, "message", message,
                "fieldErrors", List.of()));
    }
}
