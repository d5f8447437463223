package io.fedsearch.web;

/** A named resource (a query, a key) does not exist: answered 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
