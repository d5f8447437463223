package io.fedsearch.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one way a problem+json body is made, so every module's {@code type} reads {@code /problems/<name>}. */
public final class Problems {

    private Problems() {
    }

    /** A problem of type {@code /problems/<type>}; callers add members and headers as their case needs. */
    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + type));
        return body;
    }
}
