package io.fedsearch.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP upstream on a free loopback port that plays one behaviour at a time: answer JSON, answer after a
 * delay, hang before the headers, trickle the body byte by byte, answer an HTTP error, or send malformed JSON.
 * The behaviour can be switched while a test runs.
 */
public final class LocalUpstream implements AutoCloseable {

    public enum Behaviour { OK, DELAY_50MS, HANG, TRICKLE, HTTP_500, HTTP_429, HTTP_503, MALFORMED }

    private final HttpServer server;
    private final AtomicReference<Behaviour> behaviour;
    private final AtomicInteger calls = new AtomicInteger();
    /** Counted down each time a trickled answer finds its connection closed by the client. */
    public final AtomicReference<CountDownLatch> abandoned = new AtomicReference<>(new CountDownLatch(1));
    private final CountDownLatch release = new CountDownLatch(1);
    private final String name;

    public LocalUpstream(String name, Behaviour initial) {
        this.name = name;
        this.behaviour = new AtomicReference<>(initial);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** A loopback port with nothing listening: connections are refused at once. */
    public static int refusingPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String urlTemplate() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/search?q={query}&page={page}&size={size}";
    }

    public void play(Behaviour next) {
        behaviour.set(next);
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String query = exchange.getRequestURI().getQuery();
        try (exchange) {
            switch (behaviour.get()) {
                case OK -> json(exchange, 200, body(query));
                case DELAY_50MS -> {
                    pause(50);
                    json(exchange, 200, body(query));
                }
                case HANG -> pause(60_000);
                case TRICKLE -> trickle(exchange, body(query));
                case HTTP_500 -> json(exchange, 500, "{\"error\":\"boom\"}");
                case HTTP_429 -> {
                    exchange.getResponseHeaders().set("Retry-After", "30");
                    json(exchange, 429, "{\"error\":\"slow down\"}");
                }
                case HTTP_503 -> json(exchange, 503, "{\"error\":\"maintenance\"}");
                case MALFORMED -> json(exchange, 200, "{\"total\": 3, \"items\": [{\"title\": ");
            }
        }
    }

    private String body(String query) {
        return """
                {"total": 2, "items": [
                  {"id": "%1$s-1", "title": "%1$s first for %2$s", "url": "https://example.org/%1$s/1", "snippet": "one"},
                  {"id": "%1$s-2", "title": "%1$s second for %2$s", "url": "https://shared.example.org/same", "snippet": "two"}
                ]}""".formatted(name, query == null ? "" : query.replace("\"", ""));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void trickle(HttpExchange exchange, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                pause(100);
            }
        } catch (IOException closedByClient) {
            abandoned.get().countDown();
        }
    }

    /** Waits without a sleep: the latch is only released when the server closes. */
    private void pause(long millis) {
        try {
            release.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
