package io.fedsearch.insights;

/** The click names a query of another principal, or a provider the caller may no longer use: 403 problem+json. */
final class ForbiddenClickException extends RuntimeException {

    ForbiddenClickException(String message) {
        super(message, null, false, false);
    }
}
