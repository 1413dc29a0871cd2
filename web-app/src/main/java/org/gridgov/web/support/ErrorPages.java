package org.gridgov.web.support;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.web.security.ErrorWriter;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Replaces Spring Boot's error controller for everything that fails before a controller is chosen (unknown address,
 * method not allowed, upload too large, …): under /api/ the same JSON as {@code ApiExceptionHandler}, elsewhere the
 * application's error pages. Never a stack trace, an exception name or the framework's page.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    private final ErrorWriter errors;

    ErrorPages(ErrorWriter errors) {
        this.errors = errors;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString().substring(Math.min(uri.toString().length(),
                request.getContextPath().length()));
        if (path.startsWith("/api/")) {
            errors.write(request, response, status, code(status), messageKey(status));
            return null;
        }
        response.setStatus(status);
        String view = switch (status) {
            case 404 -> "error/404";
            case 403 -> "error/403";
            default -> status >= 400 && status < 500 ? "error/400" : "error";
        };
        return new ModelAndView(view, HttpStatus.valueOf(status));
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return HttpStatus.resolve(status) == null || status < 400 ? 500 : status;
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            default -> status < 500 ? "invalid" : "internal";
        };
    }

    static String messageKey(int status) {
        return switch (status) {
            case 401 -> "error.unauthorized";
            case 403 -> "error.forbidden";
            case 404 -> "error.notFound";
            case 405 -> "error.method";
            case 413 -> "error.tooLarge";
            case 415 -> "error.mediaType";
            default -> status < 500 ? "error.badRequest" : "error.internal";
        };
    }
}
