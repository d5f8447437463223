package io.fedsearch.provider.opensearch;

import io.fedsearch.provider.HttpSearchProvider;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Test-only stand-in for the core's client: sends an {@link UpstreamRequest} as it is (method, headers, body) and
 * hands back the {@link UpstreamResponse}, nothing more (no body limit, breaker or retry).
 */
final class UpstreamSender {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private UpstreamSender() {
    }

    static UpstreamResponse send(UpstreamRequest request) {
        var builder = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(30)).method(request.method(),
                request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new UpstreamResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Request, send, parse: what the core does for one provider call. */
    static ProviderPage search(HttpSearchProvider provider, ProviderQuery query) {
        return provider.parse(query, send(provider.request(query)));
    }
}
