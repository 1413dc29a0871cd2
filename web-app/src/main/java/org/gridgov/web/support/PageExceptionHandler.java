package org.gridgov.web.support;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages answer a missing or out-of-scope record with the 404 page, and anything unexpected with a plain page. It
 * covers every controller of the web layer; the API's own handler ({@link ApiExceptionHandler}, every
 * {@code @RestController}, first in order) answers before it for the API.
 */
@ControllerAdvice(basePackages = "org.gridgov.web")
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "error/403";
    }

    /** Someone changed the record since the page was shown, and the page did not catch it itself: 409. */
    @ExceptionHandler(StaleVersionException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String stale() {
        return "error/409";
    }

    /** A rule of the domain broken by a request the page did not catch itself (e.g. a control character). */
    @ExceptionHandler(DomainException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused() {
        return "error/400";
    }

    /** A missing or malformed parameter, an unreadable body, a form that cannot be bound: the 400 page. */
    @ExceptionHandler({ServletRequestBindingException.class, BindException.class,
            HttpMessageNotReadableException.class, HandlerMethodValidationException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest() {
        return "error/400";
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception ex) {
        // the framework's own 4xx (upload too large, method not allowed, …) keep their status
        if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            int status = response.getStatusCode().value();
            return new ModelAndView(status == 404 ? "error/404" : status == 403 ? "error/403" : "error/400",
                    response.getStatusCode());
        }
        log.error("unexpected page failure", ex);
        return new ModelAndView("error", HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
