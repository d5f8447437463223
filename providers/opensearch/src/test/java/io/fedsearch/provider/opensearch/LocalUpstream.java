package io.fedsearch.provider.opensearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local HTTP server standing in front of, or instead of, OpenSearch; it records each request's Authorization
 * header. {@link #canned} answers every request the same. {@link #guarding} plays a cluster with the security
 * plugin: a request with the right Authorization header is passed on to the real node, anything else gets the
 * plugin's 401 "Unauthorized" in plain text.
 */
final class LocalUpstream implements AutoCloseable {

    private interface Handler {
        UpstreamResponse answer(HttpExchange exchange, byte[] body);
    }

    private final HttpServer server;
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();

    private LocalUpstream(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                UpstreamResponse answer = handler.answer(exchange, exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            }
        });
        server.start();
    }

    static LocalUpstream canned(int status, String contentType, String body) {
        var answer = new UpstreamResponse(status, contentType, null, body.getBytes(StandardCharsets.UTF_8));
        return new LocalUpstream((exchange, request) -> answer);
    }

    static LocalUpstream guarding(OpenSearchNode node, String expectedAuthorization) {
        return new LocalUpstream((exchange, body) -> {
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
                return new UpstreamResponse(401, "text/plain; charset=UTF-8", null, "Unauthorized".getBytes(StandardCharsets.UTF_8));
            }
            URI target = node.url().resolve(exchange.getRequestURI().getRawPath());
            return UpstreamSender.send(UpstreamRequest.postJson(target, Map.of(), body));
        });
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String lastAuthorization() {
        return lastAuthorization.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
