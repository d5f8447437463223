package io.fedsearch.access;

import io.fedsearch.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Writes problem+json from servlet filters, which run before Spring MVC and so cannot use the
 * {@code @RestControllerAdvice}; the body has the same members as web/ProblemAdvice's
 * (type {@code /problems/<kind>}, title, status, detail, instance; web/Problems makes them all).
 */
@Component
class ProblemWriter {

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind, String detail)
            throws IOException {
        Problems.write(response, status, kind, detail, request.getRequestURI(), null);
    }
}
