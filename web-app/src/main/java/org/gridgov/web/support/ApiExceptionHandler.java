package org.gridgov.web.support;

import java.util.List;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.TooManyLookupsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of an API call into an {@link ApiError} in the user's language; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Messages messages;
    private final MessageSource source;

    ApiExceptionHandler(Messages messages, MessageSource source) {
        this.messages = messages;
        this.source = source;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException ex) {
        return error(HttpStatus.NOT_FOUND, "not_found", messages.get("error.notFound"), List.of());
    }

    @ExceptionHandler({StaleVersionException.class, OptimisticLockingFailureException.class})
    ResponseEntity<ApiError> stale(RuntimeException ex) {
        return error(HttpStatus.CONFLICT, "stale_version", messages.get("error.staleVersion"), List.of());
    }

    @ExceptionHandler(org.gridgov.web.support.IdempotentRequests.ReusedKeyException.class)
    ResponseEntity<ApiError> reusedKey(DomainException ex) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused", messages.get(ex.code()),
                List.of());
    }

    @ExceptionHandler(TooManyLookupsException.class)
    ResponseEntity<ApiError> tooManyLookups(TooManyLookupsException ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(ex.retryAfterSeconds()))
                .body(new ApiError(429, "too_many_lookups", messages.get(ex.code(), ex.args()), List.of()));
    }

    /** A step of a second-administrator approval refused: not the caller's to take (403), or too late (409). */
    @ExceptionHandler(org.gridgov.accounts.AccountRequestException.class)
    ResponseEntity<ApiError> accountRequest(org.gridgov.accounts.AccountRequestException ex) {
        boolean forbidden = ex.reason() == org.gridgov.accounts.AccountRequestException.Reason.FORBIDDEN;
        String message = messages.get(ex.code(), ex.args());
        return error(forbidden ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT, forbidden ? "forbidden" : "conflict",
                message, List.of(new ApiError.FieldMessage(ex.field(), message)));
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ApiError> domain(DomainException ex) {
        String message = messages.get(ex.code(), ex.args());
        List<ApiError.FieldMessage> fields = ex.field() == null ? List.of()
                : List.of(new ApiError.FieldMessage(ex.field(), message));
        return error(HttpStatus.BAD_REQUEST, "invalid", message, fields);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> invalid(BindException ex) {
        List<ApiError.FieldMessage> fields = ex.getFieldErrors().stream()
                .map(f -> new ApiError.FieldMessage(f.getField(), source.getMessage(f, messages.locale())))
                .toList();
        return error(HttpStatus.BAD_REQUEST, "invalid", messages.get("error.validation"), fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException ex) {
        List<ApiError.FieldMessage> fields = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new ApiError.FieldMessage(
                        r.getMethodParameter().getParameterName(), source.getMessage(e, messages.locale()))))
                .toList();
        return error(HttpStatus.BAD_REQUEST, "invalid", messages.get("error.validation"), fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = messages.get("error.parameter", ex.getName());
        return error(HttpStatus.BAD_REQUEST, "invalid", message,
                List.of(new ApiError.FieldMessage(ex.getName(), message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException ex) {
        String message = messages.get("error.parameterMissing", ex.getParameterName());
        return error(HttpStatus.BAD_REQUEST, "invalid", message,
                List.of(new ApiError.FieldMessage(ex.getParameterName(), message)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return error(HttpStatus.CONTENT_TOO_LARGE, "too_large", messages.get("error.tooLarge"), List.of());
            }
        }
        String property = org.gridgov.web.support.ControlCharacterStrings.refusedProperty(ex);
        if (property != null) {
            String message = messages.get("error.parameterCharacters", property);
            return error(HttpStatus.BAD_REQUEST, "invalid", message,
                    List.of(new ApiError.FieldMessage(property, message)));
        }
        return error(HttpStatus.BAD_REQUEST, "unreadable", messages.get("error.unreadable"), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", messages.get("error.mediaType"),
                List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException ex) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", messages.get("error.method"), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException ex) {
        return error(HttpStatus.NOT_FOUND, "not_found", messages.get("error.notFound"), List.of());
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(RuntimeException ex) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "too_large", messages.get("photo.tooLarge", 10), List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> conflict(DataIntegrityViolationException ex) {
        log.warn("integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return error(HttpStatus.CONFLICT, "conflict", messages.get("error.conflict"), List.of());
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ApiError> denied(RuntimeException ex) {
        return error(HttpStatus.FORBIDDEN, "forbidden", messages.get("error.forbidden"), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception ex) {
        // the framework's own 4xx (a missing header, a bad multipart request, …) keep their status, not a 500
        if (ex instanceof org.springframework.web.ErrorResponse response
                && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return error(status, status == HttpStatus.NOT_FOUND ? "not_found" : "invalid",
                    messages.get(status == HttpStatus.NOT_FOUND ? "error.notFound" : "error.badRequest"), List.of());
        }
        log.error("unexpected API failure", ex);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal", messages.get("error.internal"), List.of());
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String error, String message,
                                                  List<ApiError.FieldMessage> fields) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), error, message, fields));
    }
}
