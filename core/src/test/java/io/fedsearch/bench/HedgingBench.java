package io.fedsearch.bench;

import com.sun.net.httpserver.HttpServer;
import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Search latency against an upstream that stalls every n-th request for 2 s, without and with {@code hedge-after:
 * 100ms}: p50 to p99 of one-provider searches in a sequential loop, and the upstream requests they cost. Not a
 * test (surefire skips it by its name); run as in docs/benchmarks.md, "Hedging".
 */
public final class HedgingBench {

    public static void main(String[] args) throws Exception {
        int searches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (int every : new int[] {10, 33}) {
            try (var plain = new Stalling(every); var hedged = new Stalling(every)) {
                var app = new ArrayList<>(new TestDatabase.H2().create().args());
                app.addAll(provider("plain", plain, null));
                app.addAll(provider("hedged", hedged, "100ms"));
                app.add("--fedsearch.access.anonymous.per-second=10000");
                app.add("--fedsearch.access.anonymous.per-hour=1000000");
                try (TestApp running = TestApp.start(app)) {
                    System.out.printf("stall every %d-th request (%.0f %%), %d searches each%n", every, 100.0 / every, searches);
                    report("no hedging ", loop(running, "plain", searches), plain.calls.get(), searches);
                    report("hedge-after", loop(running, "hedged", searches), hedged.calls.get(), searches);
                }
            }
        }
    }

    private static List<String> provider(String id, Stalling upstream, String hedgeAfter) {
        String k = "--fedsearch.providers." + id;
        var args = new ArrayList<>(List.of(k + ".type=json", k + ".url=" + upstream.url(), k + ".results-path=/items",
                k + ".fields.title=/title", k + ".fields.url=/url", k + ".timeout=5s", k + ".slow=true"));
        if (hedgeAfter != null) args.add(k + ".hedge-after=" + hedgeAfter);
        return args;
    }

    private static long[] loop(TestApp app, String provider, int searches) {
        long[] millis = new long[searches];
        for (int i = 0; i < searches; i++) {
            long start = System.nanoTime();
            var answer = app.get("/api/v1/search?providers=" + provider + "&timeout_ms=5000&q=" + UUID.randomUUID());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (answer.statusCode() != 200) throw new IllegalStateException(answer.body());
        }
        return millis;
    }

    private static void report(String label, long[] millis, int calls, int searches) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("  %s  p50 %5d ms  p90 %5d ms  p95 %5d ms  p99 %5d ms  upstream calls %d (+%.1f %%)%n", label,
                at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.95), at(sorted, 0.99), calls,
                100.0 * (calls - searches) / searches);
    }

    private static long at(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Answers at once, except every {@code every}-th request, which waits 2 s. */
    private static final class Stalling implements AutoCloseable {
        final AtomicInteger calls = new AtomicInteger();
        private final CountDownLatch closed = new CountDownLatch(1);
        private final HttpServer server;

        Stalling(int every) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                int n = calls.incrementAndGet();
                try (exchange) {
                    if (n % every == 0) closed.await(2, TimeUnit.SECONDS);
                    byte[] body = "{\"items\":[{\"title\":\"t\",\"url\":\"https://example.org/\"}]}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException cancelled) {
                    // the hedge won and this call was cancelled
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/search?q={query}";
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
        }
    }
}
