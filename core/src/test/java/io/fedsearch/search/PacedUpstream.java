package io.fedsearch.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP upstream that counts its requests and answers each after a pause chosen by its request number:
 * for sharing, late answers and hedging, where what matters is how many calls reached the upstream and when.
 */
final class PacedUpstream implements AutoCloseable {

    /** How long the n-th request (from 1) waits before it is answered, in milliseconds. */
    interface Pace {
        long millis(int n);
    }

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Pace pace;
    private final boolean holdUntilReleased;

    private PacedUpstream(Pace pace, boolean holdUntilReleased) {
        this.pace = pace;
        this.holdUntilReleased = holdUntilReleased;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers each request after {@code pace} says. */
    static PacedUpstream paced(Pace pace) {
        return new PacedUpstream(pace, false);
    }

    /** Holds every answer until {@link #release()}. */
    static PacedUpstream holding() {
        return new PacedUpstream(n -> 0, true);
    }

    void release() {
        held.countDown();
    }

    int calls() {
        return calls.get();
    }

    String urlTemplate() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/search?q={query}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = calls.incrementAndGet();
        try (exchange) {
            if (holdUntilReleased) held.await(30, TimeUnit.SECONDS);
            // Waits on a latch only the server's close releases: a pause, not a sleep.
            closed.await(pace.millis(n), TimeUnit.MILLISECONDS);
            byte[] bytes = """
                    {"total": 1, "items": [{"id": "r%d", "title": "answer %d", "url": "https://example.org/%d"}]}"""
                    .formatted(n, n, n).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException closedByClient) {
            // a cancelled (hedged or abandoned) call: nothing to answer
        }
    }

    @Override
    public void close() {
        held.countDown();
        closed.countDown();
        server.stop(0);
    }
}
