package io.fedsearch.web;

/**
 * The caller is known but may not do this (another principal's data, a provider no longer granted): answered 403
 * problem+json of type {@code /problems/forbidden}, the same type the API-key filter writes for a non-admin key.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}
