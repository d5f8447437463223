package io.fedsearch.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** The one way a problem+json body is made, so every module's {@code type} reads {@code /problems/<name>}. */
public final class Problems {

    /** Only maps of strings and numbers go through it, so no configuration of the application's mapper matters. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** A problem of type {@code /problems/<type>}; callers add members and headers as their case needs. */
    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + type));
        return body;
    }

    /**
     * The same body written straight to the servlet response, for code that runs outside Spring MVC (filters, the
     * Tomcat error valve). {@code instance} and {@code extra} may be null.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String detail,
                             String instance, Map<String, ?> extra) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(status, type, detail, instance, extra));
    }

    static byte[] json(HttpStatus status, String type, String detail, String instance, Map<String, ?> extra) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "/problems/" + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        if (extra != null) body.putAll(extra);
        return JSON.writeValueAsBytes(body);
    }

    /** A caller's value quoted in a detail: at most 100 characters, control characters replaced. */
    public static String quote(String value) {
        if (value == null) return "null";
        String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
