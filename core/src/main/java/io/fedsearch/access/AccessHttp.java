package io.fedsearch.access;

import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import io.fedsearch.provider.UpstreamTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access look-ups at providers (user ids, item rights), sent through the core's one HTTP client so they get its
 * body limit, whole-call deadline and cancellation. Every failure (connection, timeout, non-2xx status, a body
 * over the limit, non-JSON body) is an {@link IOException}, so callers have exactly one case to handle.
 */
@Component
class AccessHttp {

    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");

    private final UpstreamTransport http;
    private final JsonMapper json;

    AccessHttp(UpstreamTransport http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    JsonNode get(URI uri, Duration timeout) throws IOException, InterruptedException {
        return send(new UpstreamRequest(uri, ACCEPT_JSON), timeout);
    }

    JsonNode post(URI uri, Object body, Duration timeout) throws IOException, InterruptedException {
        return send(UpstreamRequest.postJson(uri, ACCEPT_JSON, json.writeValueAsBytes(body)), timeout);
    }

    private JsonNode send(UpstreamRequest request, Duration timeout) throws IOException, InterruptedException {
        UpstreamResponse answer;
        try {
            answer = http.send(request, timeout);
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms");
        } catch (UpstreamFailureException tooLarge) {
            throw new IOException(tooLarge.getMessage());
        }
        if (answer.status() / 100 != 2) {
            throw new IOException("HTTP " + answer.status());
        }
        try {
            return json.readTree(answer.body());
        } catch (RuntimeException e) {
            throw new IOException("not JSON: " + e.getMessage());
        }
    }
}
