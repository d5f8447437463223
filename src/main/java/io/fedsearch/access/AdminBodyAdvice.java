package io.fedsearch.access;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An admin body that is not JSON of the expected shape: 400 problem+json naming {@code body}, like
 * web/ProblemAdvice intends. Needed because with {@code spring.mvc.problemdetails.enabled} Spring Boot's own
 * handler answers this exception first, without the {@code parameter} member scripts rely on.
 */
@RestControllerAdvice(assignableTypes = {AdminKeysController.class, AdminController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBodyAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON of the expected shape");
        body.setType(URI.create("/problems/invalid-body"));
        body.setProperty("parameter", "body");
        return ResponseEntity.badRequest().body(body);
    }
}
