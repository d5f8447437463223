package io.fedsearch.provider;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to an upstream, built by a provider and sent by the core's one HTTP client (body limit, deadline,
 * cancellation). Headers are sent as given.
 *
 * @param method GET or POST
 * @param body   the request body, null for none
 */
public record UpstreamRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public UpstreamRequest {
        if (!"GET".equals(method) && !"POST".equals(method)) {
            throw new IllegalArgumentException("method must be GET or POST, not " + method);
        }
        headers = Map.copyOf(headers);
    }

    public UpstreamRequest(URI uri, Map<String, String> headers) {
        this("GET", uri, headers, null);
    }

    public static UpstreamRequest get(URI uri) {
        return new UpstreamRequest(uri, Map.of());
    }

    /** A POST of a JSON document; {@code Content-Type: application/json} is added to the headers. */
    public static UpstreamRequest postJson(URI uri, Map<String, String> headers, byte[] json) {
        var sent = new LinkedHashMap<>(headers);
        sent.put("Content-Type", "application/json");
        return new UpstreamRequest("POST", uri, sent, json);
    }
}
