package io.fedsearch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request, written when it ends: method, path, parameters, status, principal, took_ms.
 * The fields are also key-value pairs, so {@code LOG_FORMAT=json} turns them into JSON members.
 * API keys never appear: they travel in headers, which are not logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("fedsearch.request");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            String query = request.getQueryString() == null ? "" : request.getQueryString();
            String principal = request.getAttribute(RequestAttributes.PRINCIPAL) instanceof String named ? named : "anonymous";
            log.atInfo()
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", request.getRequestURI())
                    .addKeyValue("params", query)
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("principal", principal)
                    .addKeyValue("took_ms", tookMs)
                    .log("{} {} {} status={} principal={} took_ms={}", request.getMethod(), request.getRequestURI(),
                            query, response.getStatus(), principal, tookMs);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
