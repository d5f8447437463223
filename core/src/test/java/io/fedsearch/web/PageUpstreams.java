package io.fedsearch.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real local upstreams for the page's browser tests, one path each: {@code fast} answers at once (nothing for a query starting with "zilch"), {@code late}
 * after 1.5 s, {@code never} not at all, {@code broken} with HTTP 500, {@code hostile} with markup and
 * {@code javascript:} URLs in every field, {@code vault} (configured non-public) at once. {@code /doc/...} is a
 * plain page that result links of {@code fast} point to, so a test can follow a link without the internet.
 */
final class PageUpstreams implements AutoCloseable {

    static final String HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='title'\">Evil <b>bold</b> title";
    static final String HOSTILE_SNIPPET = "<script>window.__pwned='snippet'</script><svg onload=\"window.__pwned='svg'\"></svg> snippet";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final CountDownLatch closing = new CountDownLatch(1);

    PageUpstreams() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/fast", e -> json(e, results("fast", query(e))));
        server.createContext("/vault", e -> json(e, results("vault", query(e))));
        server.createContext("/late", e -> {
            pause(1500);
            json(e, results("late", query(e)));
        });
        server.createContext("/never", e -> {
            pause(60_000);
            e.close();
        });
        server.createContext("/broken", e -> send(e, 500, "application/json", "{\"error\":\"boom\"}"));
        server.createContext("/hostile", e -> json(e, hostile()));
        server.createContext("/doc", e -> send(e, 200, "text/html", "<!doctype html><title>doc</title><p>A document."));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers the six providers; {@code never} gets a 2 s deadline of its own, so a search ends by then. */
    void register(DynamicPropertyRegistry registry) {
        for (String id : new String[] {"fast", "late", "never", "broken", "hostile", "vault"}) {
            String key = "fedsearch.providers." + id + ".";
            registry.add(key + "type", () -> "json");
            registry.add(key + "url", () -> base() + "/" + id + "?q={query}&page={page}&size={size}");
            registry.add(key + "results-path", () -> "/items");
            registry.add(key + "total-path", () -> "/total");
            for (String field : new String[] {"id", "title", "url", "snippet", "authors", "published", "journal", "doi"}) {
                registry.add(key + "fields." + field, () -> "/" + field);
            }
            registry.add(key + "cache-ttl", () -> "1ms");
        }
        registry.add("fedsearch.providers.never.timeout", () -> "2s");
        registry.add("fedsearch.providers.late.timeout", () -> "5s");
        registry.add("fedsearch.providers.vault.public", () -> "false");
        registry.add("fedsearch.search.default-timeout", () -> "4s");
        // Every test sees the failing providers fail as they do, never an open circuit left by an earlier test.
        registry.add("fedsearch.resilience.window", () -> "1000");
        registry.add("fedsearch.resilience.minimum-calls", () -> "1000");
    }

    private String results(String provider, String q) {
        var items = new java.util.ArrayList<java.util.Map<String, Object>>();
        for (int i = 1; i <= (q.startsWith("zilch") ? 0 : 3); i++) {
            items.add(java.util.Map.of("id", provider + "-" + i,
                    "title", provider + " result " + i + " about " + q,
                    "url", base() + "/doc/" + provider + "/" + i,
                    "snippet", "What " + provider + " knows about " + q + ", part " + i + ".",
                    "authors", java.util.List.of("Ada Lovelace", "Alan Turing"),
                    "published", "2024-0" + i + "-15",
                    "journal", "Journal of " + provider,
                    "doi", "10.1234/" + provider + "." + i));
        }
        return JSON.writeValueAsString(java.util.Map.of("total", items.isEmpty() ? 0 : 42, "items", items));
    }

    private static String hostile() {
        var evil = new java.util.LinkedHashMap<String, Object>();
        evil.put("id", "<b>id</b>");
        evil.put("title", HOSTILE_TITLE);
        evil.put("url", "javascript:window.__pwned='url'");
        evil.put("snippet", HOSTILE_SNIPPET);
        evil.put("authors", java.util.List.of("<img src=x onerror=\"window.__pwned='author'\">Mallory"));
        evil.put("published", "<i>2024</i>");
        evil.put("journal", "<iframe src=\"javascript:window.__pwned='journal'\"></iframe>");
        evil.put("doi", "javascript:window.__pwned='doi'");
        var data = java.util.Map.of("id", "data-1", "title", "A data: link", "url",
                "data:text/html,<script>window.__pwned='data'</script>", "snippet", "plain");
        return JSON.writeValueAsString(java.util.Map.of("total", 2, "items", java.util.List.of(evil, data)));
    }

    private static String query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            if (pair.startsWith("q=")) return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
        }
        return "";
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Waits without a sleep: the latch is only released when the upstreams close. */
    private void pause(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
