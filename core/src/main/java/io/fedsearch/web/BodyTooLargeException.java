package io.fedsearch.web;

import java.io.IOException;

/** Thrown by the limited request body once a reader passes fedsearch.web.max-body-size; answered 413. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("the request body is longer than " + limit + " bytes", null);
    }

    /** Whether this failure, or one of its causes, is a body over the limit (readers wrap what they catch). */
    static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) return true;
        }
        return false;
    }
}
