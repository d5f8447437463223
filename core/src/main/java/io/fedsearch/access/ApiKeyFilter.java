package io.fedsearch.access;

import io.fedsearch.web.RequestAttributes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the caller from {@code X-API-Key} or {@code Authorization: Bearer} and keeps it as request attribute
 * {@link Caller#ATTRIBUTE}. No key = anonymous. An unknown or revoked key is 401 on every path; {@code /admin/**}
 * is 401 without a key and 403 with a non-admin key. Runs right after the request log filter, so the log line
 * carries the principal. The key itself is never logged nor echoed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final JdbcApiKeys keys;
    private final JdbcEntitlements entitlements;
    private final ProblemWriter problems;

    ApiKeyFilter(JdbcApiKeys keys, JdbcEntitlements entitlements, ProblemWriter problems) {
        this.keys = keys;
        this.entitlements = entitlements;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = secret(request);
        boolean adminPath = request.getRequestURI().startsWith("/admin/") || request.getRequestURI().equals("/admin");
        Caller caller = Caller.ANONYMOUS;
        if (secret != null) {
            Optional<ApiKey> key = keys.resolve(secret);
            if (key.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer");
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "unknown or revoked API key");
                return;
            }
            caller = caller(key.get());
            request.setAttribute(RateLimitFilter.KEY_ATTRIBUTE, key.get());
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        request.setAttribute(RequestAttributes.PRINCIPAL, caller.principal());
        if (adminPath && caller.anonymous()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "an admin API key is required");
            return;
        }
        if (adminPath && !caller.admin()) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "this API key is not an admin key");
            return;
        }
        chain.doFilter(request, response);
    }

    private Caller caller(ApiKey key) {
        var resolved = entitlements.resolve(key.principal(), key.providers());
        var granted = new HashSet<String>(resolved.providers());
        granted.addAll(key.providers());
        return new Caller(key.principal(), key.admin(), granted, resolved.userIds());
    }

    /** The key as sent, null when none was (an empty header counts as none). */
    static String secret(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header == null) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                header = authorization.substring(BEARER.length());
            }
        }
        return header == null || header.isBlank() ? null : header.strip();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
