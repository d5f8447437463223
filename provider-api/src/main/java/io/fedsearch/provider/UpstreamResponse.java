package io.fedsearch.provider;

import java.nio.charset.StandardCharsets;

/**
 * An upstream's answer as received.
 *
 * @param contentType the Content-Type header, null when absent
 * @param retryAfter  the Retry-After header as sent, null when absent
 */
public record UpstreamResponse(int status, String contentType, String retryAfter, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
