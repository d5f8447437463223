package io.fedsearch.history;

import io.fedsearch.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 401 problem+json of type {@code /problems/unauthorized}, as the API-key filter writes it, with the challenge. */
@RestControllerAdvice(basePackages = "io.fedsearch.history")
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeyRequiredAdvice {

    @ExceptionHandler(KeyRequiredException.class)
    ResponseEntity<ProblemDetail> keyRequired(KeyRequiredException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage()));
    }
}
