package org.gridgov.web.support;

import java.io.IOException;

/** A request body read past the platform's cap ({@code gridgov.http.max-body-size}): answered 413, never parsed. */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
    }
}
