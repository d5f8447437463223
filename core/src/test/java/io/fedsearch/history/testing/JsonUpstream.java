package io.fedsearch.history.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A real local HTTP search upstream for a {@code json}-type provider: every query answers three results (two
 * authors each, a journal) and {@code total} 42, on a virtual thread per request.
 */
public final class JsonUpstream implements AutoCloseable {

    private final HttpServer server;

    public JsonUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/search", exchange -> {
            String q = exchange.getRequestURI().getQuery();
            StringBuilder items = new StringBuilder();
            for (int i = 1; i <= 3; i++) {
                if (i > 1) items.append(',');
                items.append("""
                        {"id":"r%d","title":"Result %d for %s","url":"https://example.org/%d","authors":["Ada Lovelace","Alan Turing %d"],"journal":"Journal of Tests"}"""
                        .formatted(i, i, q == null ? "" : q.replace("\"", ""), i, i));
            }
            byte[] body = ("{\"total\":42,\"items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Arguments configuring provider {@code id} against this upstream. */
    public List<String> providerArgs(String id) {
        String key = "--fedsearch.providers." + id;
        return List.of(key + ".type=json",
                key + ".url=http://127.0.0.1:" + server.getAddress().getPort() + "/search?q={query}",
                key + ".results-path=/items", key + ".total-path=/total",
                key + ".fields.title=/title", key + ".fields.url=/url", key + ".fields.id=/id",
                key + ".fields.authors=/authors", key + ".fields.journal=/journal",
                key + ".max-concurrency=1000", key + ".timeout=10s");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
