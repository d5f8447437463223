package io.fedsearch.provider;

import java.net.URI;
import java.util.Map;

/** One GET request to an upstream, built by a provider. Headers are sent as given. */
public record UpstreamRequest(URI uri, Map<String, String> headers) {

    public UpstreamRequest {
        headers = Map.copyOf(headers);
    }

    public static UpstreamRequest get(URI uri) {
        return new UpstreamRequest(uri, Map.of());
    }
}
