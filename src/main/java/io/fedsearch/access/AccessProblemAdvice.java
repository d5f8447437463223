package io.fedsearch.access;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        body.setType(URI.create("/problems/feature-off"));
        body.setProperty("feature", e.feature());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
}
