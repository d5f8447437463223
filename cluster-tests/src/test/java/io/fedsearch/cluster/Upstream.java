package io.fedsearch.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider upstream of every replica, a real HTTP server in the test JVM. {@code /search} answers two results
 * whose ids derive from the query and whose titles carry the current generation (a changed generation shows whether
 * a replica called again or answered from its cache). {@code /held} answers only when the test releases it, so a
 * request can be kept in flight on purpose.
 */
final class Upstream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger generation = new AtomicInteger(1);
    private final AtomicReference<Hold> hold = new AtomicReference<>(new Hold());

    private Upstream(HttpServer server) {
        this.server = server;
    }

    static Upstream start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            var upstream = new Upstream(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/search", upstream::search);
            server.createContext("/held", upstream::held);
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on answers carry the next generation in their titles. */
    int nextGeneration() {
        return generation.incrementAndGet();
    }

    /** A fresh hold: the next calls to /held wait until {@link Hold#release()} (or 20 s). */
    Hold hold() {
        var fresh = new Hold();
        hold.set(fresh);
        return fresh;
    }

    private void search(HttpExchange exchange) throws IOException {
        String q = query(exchange);
        int g = generation.get();
        String slug = URLEncoder.encode(q, StandardCharsets.UTF_8);
        reply(exchange, Map.of("items", List.of(
                Map.of("id", q + "-1", "title", q + " one (v" + g + ")", "url", "https://example.org/" + slug + "/1"),
                Map.of("id", q + "-2", "title", q + " two (v" + g + ")", "url", "https://example.org/" + slug + "/2"))));
    }

    private void held(HttpExchange exchange) throws IOException {
        Hold current = hold.get();
        current.arrived.countDown();
        try {
            current.released.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String q = query(exchange);
        reply(exchange, Map.of("items", List.of(Map.of("id", q + "-held", "title", q + " held",
                "url", "https://example.org/held/" + URLEncoder.encode(q, StandardCharsets.UTF_8)))));
    }

    private static String query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.startsWith("q=")) return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void reply(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        hold.get().release();
        server.stop(0);
    }

    /** One held call: {@code arrived} once a replica called /held, answered once released. */
    static final class Hold {
        final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void release() {
            released.countDown();
        }
    }
}
