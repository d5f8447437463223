package io.fedsearch.cluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients searching in a loop, each on its own virtual thread, every search with a new query. Keeps every
 * query id answered, every failure (a status other than 200, an I/O error, or no answer within the client's
 * timeout) and which replica answered (nginx's {@code X-Upstream}).
 */
final class Load implements AutoCloseable {

    final AtomicInteger answered = new AtomicInteger();
    final Set<Long> queryIds = ConcurrentHashMap.newKeySet();
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicInteger> byUpstream = new ConcurrentHashMap<>();
    /** Which replica answered each query (nginx's X-Upstream), to say where a missing one came from. */
    final Map<Long, String> answeredBy = new ConcurrentHashMap<>();
    private final Api target;
    private final String key;
    private final String prefix;
    private final Duration timeout;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Load(Api target, String key, String prefix, int clients, Duration timeout) {
        this.target = target;
        this.key = key;
        this.prefix = prefix;
        this.timeout = timeout;
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().name(prefix + "-" + c).start(() -> run(client)));
        }
    }

    private void run(int client) {
        for (int i = 0; running; i++) {
            String path = Api.search(prefix + " " + client + " " + i) + "&timeout_ms=" + Cluster.DEADLINE_MS;
            try {
                HttpResponse<String> response = Api.CLIENT.send(target.request("GET", path, key, null, timeout),
                        HttpResponse.BodyHandlers.ofString());
                String upstream = response.headers().firstValue("X-Upstream").orElse("?");
                byUpstream.computeIfAbsent(upstream, k -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() == 200) {
                    long id = Api.json(response).path("query_id").asLong();
                    queryIds.add(id);
                    answeredBy.put(id, upstream);
                    answered.incrementAndGet();
                } else {
                    failures.add(response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                // an HttpTimeoutException is an IOException too: a request that took longer than the client waits
                failures.add(path + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Lets every client finish the search it is in, then returns. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
