package io.fedsearch.history;

import io.fedsearch.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While the database is unreachable, reads of the history (and the seed-compatible endpoints over it) answer
 * 503 problem+json with Retry-After instead of a 500. Searches are not affected: they never wait for the store.
 */
@RestControllerAdvice(basePackages = {"io.fedsearch.history", "io.fedsearch.compat"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableAdvice.class);

    /** Checked before the handler below (a timeout is a transient error too): the database is there, the read was too wide. */
    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ProblemDetail> tooLong(QueryTimeoutException e) {
        log.warn("history read cancelled after fedsearch.history.read-timeout: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "history-read-timeout", "reading the history took longer than fedsearch.history.read-timeout and was"
                        + " cancelled; narrow from/to or the filters"));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("history store unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "history-unavailable",
                        "the history database is unreachable; try again shortly"));
    }
}
