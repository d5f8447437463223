package io.fedsearch.insights;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for this module's own refusals. Ordered first and limited to this package so it runs before the
 * shared advice (whose catch-all would answer 500); every other exception falls through to the shared advice.
 */
@RestControllerAdvice(basePackageClasses = InsightsProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InsightsProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> featureOff(FeatureOffException e) {
        return problem(HttpStatus.NOT_FOUND, "feature-off", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ForbiddenClickException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + type));
        return ResponseEntity.status(status).body(body);
    }
}
