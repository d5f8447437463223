package io.fedsearch.insights;

import io.fedsearch.web.ForbiddenException;

/** The click names a query of another principal, or a provider the caller may no longer use: 403 problem+json. */
final class ForbiddenClickException extends ForbiddenException {

    ForbiddenClickException(String message) {
        super(message);
    }
}
