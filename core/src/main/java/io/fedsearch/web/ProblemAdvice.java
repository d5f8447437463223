package io.fedsearch.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as {@code application/problem+json} with a stable {@code type}; a bad parameter is named in
 * the {@code parameter} member. Nothing leaks a stack trace: the unexpected is logged once here and answered 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, String parameter) {
        ProblemDetail body = Problems.of(status, type, detail);
        if (parameter != null) {
            body.setProperty("parameter", parameter);
        }
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage(), e.parameter());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mismatch(TypeMismatchException e) {
        String wanted = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName().toLowerCase();
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                name + " must be a " + wanted + ", not '" + e.getValue() + "'", name);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getParameterName() + " is required",
                e.getParameterName());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> validation(HandlerMethodValidationException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-body", "the request body is not valid JSON of the expected shape", "body");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "no such resource: /" + e.getResourcePath(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFoundEntity(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred", null);
    }
}
