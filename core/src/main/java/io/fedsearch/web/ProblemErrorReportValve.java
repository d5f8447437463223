package io.fedsearch.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error page, as problem+json instead of HTML. It answers what never reaches Spring MVC: a path Tomcat
 * refuses ({@code /a/..%2f..%2fetc}), a request line or header over the size limit, a malformed header, and any
 * exception that escapes the filters. The detail is fixed per status: Tomcat's own message and the exception are
 * only logged, never sent, so no class name or stack trace leaves.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // Tomcat's own guards: not an error, already answered, or reported once already.
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            // The reporter writes whether or not the application took the stream or the writer already.
            var writer = response.getReporter();
            if (writer == null) return;
            writer.write(new String(Problems.json(status, type(status), detail(status), null, null),
                    StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body: nothing more to send.
        }
    }

    private static String type(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad-request";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "body-too-large";
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "request-too-large";
            default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request line, path or headers could not be read (an encoded / or \\ in the path,"
                    + " a header over the size limit, a malformed header)";
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request line or headers are too long";
            default -> status.is5xxServerError() ? "an unexpected error occurred" : status.getReasonPhrase();
        };
    }
}
