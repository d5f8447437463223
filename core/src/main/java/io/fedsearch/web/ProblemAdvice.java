package io.fedsearch.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error leaves as {@code application/problem+json} with a stable {@code type}; a bad parameter or body field
 * is named in the {@code parameter} member. Details are written here from what the caller sent, never from an
 * exception's message, so no answer names a Java class or shows a stack trace: the unexpected is logged once here
 * and answered 500. The Content-Type is set on every answer, so a problem is sent even to a client whose Accept
 * would refuse it (RFC 9110 lets a 4xx ignore Accept; a 406 with an empty body would tell the client less).
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
        // A preset Content-Type skips content negotiation, which would fail again on the Accept that caused a 406.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage(), e.parameter());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mismatch(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                name + " must be " + wanted(e.getRequiredType()) + ", not " + shown(e.getValue()), name);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getParameterName() + " is required",
                e.getParameterName());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> validation(HandlerMethodValidationException e) {
        String name = e.getParameterValidationResults().isEmpty() ? null
                : e.getParameterValidationResults().getFirst().getMethodParameter().getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                (name == null ? "a parameter" : name) + " is out of range", name);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (BodyTooLargeException.in(e)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "the request body is longer than fedsearch.web.max-body-size", null);
        }
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = path(json);
            Class<?> target = switch (json) {
                case MismatchedInputException m -> m.getTargetType();
                case InputCoercionException c -> c.getTargetType();
                default -> null;
            };
            return problem(HttpStatus.BAD_REQUEST, "invalid-body", field + " must be " + wanted(target), field);
        }
        if (e.getCause() instanceof JacksonException json && json.getLocation() != null
                && json.getLocation().getLineNr() > 0) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-body", "the request body is not valid JSON (line "
                    + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")", "body");
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid-body", "the request body must be a JSON object", "body");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "none" : Problems.quote(e.getContentType().toString());
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Content-Type " + sent + " is not read here; send " + types(e.getSupportedMediaTypes()), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "this endpoint answers " + types(e.getSupportedMediaTypes()) + ", which Accept refuses", null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "no such resource: " + Problems.quote("/" + e.getResourcePath()),
                null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods();
        var answer = problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                Problems.quote(e.getMethod()) + " is not allowed here"
                        + (allowed == null ? "" : "; allowed: " + allowed.stream().map(HttpMethod::name).sorted()
                        .collect(Collectors.joining(", "))), null);
        if (allowed == null) return answer;
        return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ALLOW, allowed.stream().map(HttpMethod::name).sorted()
                        .collect(Collectors.joining(", ")))
                .body(answer.getBody());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFoundEntity(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), null);
    }

    /** Tomcat's parameter parsing failed where MalformedRequestFilter did not look (it normally answers first). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> badParameters(org.apache.tomcat.util.http.InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "the parameters are not percent-encoded UTF-8 name=value pairs", "query");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof AsyncRequestNotUsableException) return null; // the client went away: nobody to answer
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            // Spring MVC's other client errors (a missing header, a bad path variable): their status, our words.
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return problem(status, "http-" + status.value(), status.getReasonPhrase(), null);
        }
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred", null);
    }

    /** A body field as the caller wrote it: {@code user_ids.crm}, {@code providers[2]}. */
    private static String path(JacksonException e) {
        var field = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                if (!field.isEmpty()) field.append('.');
                field.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** The JSON (or query-string) kind of value a Java type takes, never the type's name. */
    static String wanted(Class<?> type) {
        if (type == null) return "a value of the documented type";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) return "a number";
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) return "a string";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase())
                    .collect(Collectors.joining(", "));
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object";
        return "a value of the documented type";
    }

    /** A rejected parameter value as the caller sent it; a repeated parameter shows each value. */
    private static String shown(Object value) {
        if (value instanceof Object[] values) {
            return Arrays.stream(values).map(v -> Problems.quote(String.valueOf(v))).collect(Collectors.joining(", "));
        }
        return Problems.quote(value == null ? null : value.toString());
    }

    private static String types(Collection<MediaType> types) {
        if (types == null || types.isEmpty()) return "application/json";
        return types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
    }
}
