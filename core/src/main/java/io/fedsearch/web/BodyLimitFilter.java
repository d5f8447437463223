package io.fedsearch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to {@code fedsearch.web.max-body-size}. A declared Content-Length over the limit is
 * answered 413 before a byte is read; a chunked body is read through a counting stream that fails as soon as it
 * passes the limit, which ProblemAdvice (or this filter, for readers outside Spring MVC) answers 413. Form bodies,
 * which Tomcat parses itself, are held to the same limit by {@link TomcatCustomization}, and after a 413 Tomcat
 * closes the connection instead of reading the rest.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodyLimitFilter extends OncePerRequestFilter {

    private final long limit;

    BodyLimitFilter(RequestLimits limits) {
        this.limit = limits.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!BodyTooLargeException.in(e) || response.isCommitted()) throw e;
            response.reset();
            tooLarge(request, response);
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "the request body is longer than " + limit + " bytes (fedsearch.web.max-body-size)",
                request.getRequestURI(), null);
    }

    /** The request with its body behind a counting stream; the reader, if asked for, reads the same stream. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream in;
        private BufferedReader reader;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) in = new Counting(super.getInputStream(), limit);
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset;
                try {
                    charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                } catch (IllegalArgumentException unknown) {
                    throw new UnsupportedEncodingException(encoding);
                }
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never ask for more than one byte past the limit, so an oversized body is not read any further.
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) throw new BodyTooLargeException(limit);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
