package io.fedsearch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers what Spring MVC would otherwise turn into a 500, before anything else reads the request:
 * <ul>
 *   <li>a query string or form body that is not percent-encoded UTF-8: 400 naming the parameter (or {@code body});</li>
 *   <li>an Accept header that does not parse, or lists more than 50 types: 400 naming {@code Accept};</li>
 *   <li>a Content-Type that does not parse, is a wildcard, names an unknown charset, or is multipart (no endpoint
 *       takes multipart bodies): 415.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class MalformedRequestFilter extends OncePerRequestFilter {

    /** Spring's own bound when it sorts Accept (MimeTypeUtils): past it content negotiation fails. */
    private static final int MAX_ACCEPTED_TYPES = 50;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = contentTypeProblem(request.getContentType());
        if (problem != null) {
            Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", problem,
                    request.getRequestURI(), null);
            return;
        }
        if (!acceptParses(request)) {
            invalid(request, response, "Accept", "the Accept header is not a list of media types");
            return;
        }
        String badParameter = badlyEncoded(request.getQueryString());
        if (badParameter != null) {
            invalid(request, response, badParameter, badParameter + " is not percent-encoded UTF-8");
            return;
        }
        try {
            // Tomcat parses the form body (and the query string) here, once; a failure would otherwise surface
            // wherever a parameter is first read, as a 500.
            request.getParameterMap();
        } catch (IllegalStateException e) {
            if (e instanceof InvalidParameterException p && p.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                        "the form body is longer than fedsearch.web.max-body-size", request.getRequestURI(), null);
            } else {
                boolean form = MediaType.APPLICATION_FORM_URLENCODED.includes(parsedOrNull(request.getContentType()));
                invalid(request, response, form ? "body" : "query", form
                        ? "the form body is not percent-encoded UTF-8 name=value pairs"
                        : "the query string is not percent-encoded UTF-8 name=value pairs");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static void invalid(HttpServletRequest request, HttpServletResponse response, String parameter,
                                String detail) throws IOException {
        Problems.write(response, HttpStatus.BAD_REQUEST, "invalid-parameter", detail, request.getRequestURI(),
                Map.of("parameter", parameter));
    }

    /** Why this Content-Type cannot be served, or null when it can (or there is none). */
    static String contentTypeProblem(String contentType) {
        if (contentType == null || contentType.isBlank()) return null;
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
            type.getCharset();
        } catch (IllegalArgumentException e) {
            return "Content-Type " + Problems.quote(contentType) + " is not a media type this service reads";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "Content-Type must name one media type, not " + Problems.quote(contentType);
        }
        if (type.getType().equals("multipart")) {
            return "no endpoint takes multipart bodies; send application/json";
        }
        return null;
    }

    private static MediaType parsedOrNull(String contentType) {
        return contentType == null ? null : MediaType.parseMediaType(contentType);
    }

    private static boolean acceptParses(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders("Accept"));
        if (values.isEmpty()) return true;
        try {
            return MediaType.parseMediaTypes(values).size() <= MAX_ACCEPTED_TYPES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The name of the first parameter whose value does not decode ({@code query} when the name itself does not), else null. */
    static String badlyEncoded(String query) {
        if (query == null) return null;
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name == null || name.isEmpty() && eq >= 0 && decode(pair.substring(eq + 1)) == null) return "query";
            if (eq >= 0 && decode(pair.substring(eq + 1)) == null) return name;
        }
        return null;
    }

    /** Strict application/x-www-form-urlencoded decoding: null on a broken %-escape or bytes that are not UTF-8. */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length()) return null;
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) return null;
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
