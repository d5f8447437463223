package io.fedsearch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /} for a browser: when {@code Accept} prefers HTML (its first type of the highest quality is
 * {@code text/html} or XHTML, named, not by a wildcard) the request is forwarded to the static search page. Every
 * other client (no Accept, {@code *}{@code /*}, JSON first) goes on to the seed's JSON health at {@code /}
 * untouched. A filter rather than a second {@code /} mapping, so the choice does not rest on how Spring ranks two
 * handlers for a wildcard Accept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class SearchPageFilter extends OncePerRequestFilter {

    static final String PAGE = "/index.html";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals("/")
                || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!prefersHtml(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept");
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) return false;
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unparseable) { // InvalidMediaTypeException included
            return false;
        }
        MediaType best = null;
        for (MediaType type : types) {
            if (best == null || type.getQualityValue() > best.getQualityValue()) best = type;
        }
        return best != null && best.getQualityValue() > 0 && !best.isWildcardSubtype()
                && (best.equalsTypeAndSubtype(MediaType.TEXT_HTML) || best.equalsTypeAndSubtype(MediaType.APPLICATION_XHTML_XML));
    }
}
