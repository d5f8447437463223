package io.fedsearch.access;

import io.fedsearch.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@link FeatureOffException} as 404 problem+json. Ordered before web/ProblemAdvice, whose catch-all would
 * otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessProblemAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> featureOff(FeatureOffException e) {
        ProblemDetail body = Problems.of(HttpStatus.NOT_FOUND, "feature-off", e.getMessage());
        body.setProperty("feature", e.feature());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
