package io.fedsearch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real local Aurora upstream (JDK HttpServer): {@code GET /messages?skip=N&limit=M} answers
 * {@code {"total":T,"items":[...]}}. Tests make it fail on purpose (every call, or one page a number of times)
 * and cap the page length it serves. {@code main PORT COUNT} serves COUNT generated bench messages for
 * bench/messages-http.sh.
 */
public final class AuroraUpstream implements AutoCloseable {

    private final HttpServer server;
    private final byte[][] items;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Map<Long, AtomicInteger> failuresAtSkip = new ConcurrentHashMap<>();
    private final AtomicInteger maxLimit = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicLong requests = new AtomicLong();

    private AuroraUpstream(HttpServer server, byte[][] items) {
        this.server = server;
        this.items = items;
    }

    public static AuroraUpstream start(List<MessagesGenerator.Item> generated) throws IOException {
        return start(0, generated);
    }

    public static AuroraUpstream start(int port, List<MessagesGenerator.Item> generated) throws IOException {
        var json = JsonMapper.builder().build();
        var items = new byte[generated.size()][];
        for (int i = 0; i < items.length; i++) {
            MessagesGenerator.Item item = generated.get(i);
            var node = json.createObjectNode().put("id", item.id()).put("user_id", item.userId())
                    .put("user_name", item.userName()).put("timestamp", item.timestamp()).put("message", item.message());
            items[i] = json.writeValueAsBytes(node);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        var upstream = new AuroraUpstream(server, items);
        server.createContext("/messages", upstream::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return upstream;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
    }

    /** From now on every call answers 503 (or, with false, none does). */
    public void failAll(boolean on) {
        failing.set(on);
    }

    /** The next {@code times} calls for the page starting at {@code skip} answer 500. */
    public void failPage(long skip, int times) {
        failuresAtSkip.put(skip, new AtomicInteger(times));
    }

    /** Serve at most this many items per call, whatever limit asks (as real upstreams cap page sizes). */
    public void capLimit(int limit) {
        maxLimit.set(limit);
    }

    public long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            long skip = Long.parseLong(query.getOrDefault("skip", "0"));
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            AtomicInteger left = failuresAtSkip.get(skip);
            if (failing.get() || (left != null && left.getAndDecrement() > 0)) {
                exchange.sendResponseHeaders(failing.get() ? 503 : 500, -1);
                return;
            }
            int from = (int) Math.min(skip, items.length);
            int to = (int) Math.min(items.length, from + (long) Math.min(limit, maxLimit.get()));
            var body = new ByteArrayOutputStream();
            body.writeBytes(("{\"total\":" + items.length + ",\"items\":[").getBytes(StandardCharsets.UTF_8));
            for (int i = from; i < to; i++) {
                if (i > from) body.write(',');
                body.writeBytes(items[i]);
            }
            body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.size());
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        var map = new java.util.HashMap<String, String>();
        if (raw == null) return map;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        var upstream = start(port, MessagesGenerator.generate(count, MessagesGenerator.BENCH_SEED, 5, 30));
        System.out.println("serving " + count + " messages at " + upstream.url());
    }
}
