package org.gridgov.web.support;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.web.security.ErrorWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the limit fails while the request is read, before a controller is chosen, so neither the API's nor
 * the pages' advice sees it (and Tomcat's error dispatch would send an empty body): 413 with the API's JSON under
 * /api/, the 400 page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadTooLarge {

    private final ErrorWriter errors;

    UploadTooLarge(ErrorWriter errors) {
        this.errors = errors;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            errors.write(request, response, HttpStatus.CONTENT_TOO_LARGE.value(), "too_large", "photo.tooLarge", 10);
            return null;
        }
        return new ModelAndView("error/400", HttpStatus.CONTENT_TOO_LARGE);
    }
}
