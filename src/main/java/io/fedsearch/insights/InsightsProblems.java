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
 * {@link ForbiddenClickException} as 403 problem+json ({@code /problems/forbidden}). Ordered first and limited to
 * this package so it runs before the shared advice (whose catch-all would answer 500). A switched-off feature is
 * the access module's FeatureOffException, answered by its advice.
 */
@RestControllerAdvice(basePackageClasses = InsightsProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InsightsProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ForbiddenClickException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        body.setType(URI.create("/problems/forbidden"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
    }
}
