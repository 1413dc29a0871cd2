package org.gridgov.web.support;

import java.util.List;

/** The body of every API error: a status, a stable error key, a message in the request's language, field errors. */
public record ApiError(int status, String error, String message, List<FieldMessage> fieldErrors) {

    public record FieldMessage(String field, String message) {
    }
}
