package io.fedsearch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers for the search page and its assets ({@code /}, {@code /index.html}, {@code /assets/**}): a
 * Content-Security-Policy that allows only this origin's scripts (no inline script, no eval), styles and
 * connections and no framing, {@code nosniff}, and no referrer. The page renders every provider string as text;
 * the policy is the second line of defence should one ever reach the DOM as markup. Set before the chain runs, so
 * they hold on every answer of these paths, errors included. API paths and
 * Swagger UI (which needs inline styles) are left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    static boolean page(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/assets/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !page(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
