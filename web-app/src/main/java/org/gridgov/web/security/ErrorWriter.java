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

    /**
     * A plain error page for a request that must not reach the application's error pages (their dispatch would parse
     * the very body that was refused): the message in the request's language and a way home.
     */
    public void writePage(HttpServletRequest request, HttpServletResponse response, int status, String code)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        java.util.Locale locale = locales.resolveLocale(request);
        String message = org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage(code, null, code,
                locale));
        String home = org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage("error.page.home", null,
                "Home", locale));
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + message + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/css/gridgov.css\"></head><body><main class=\"page\"><section class=\"card\"><h1>" + message
                + "</h1><p><a href=\"" + request.getContextPath() + "/\">" + home
                + "</a></p></section></main></body></html>");
    }
}
