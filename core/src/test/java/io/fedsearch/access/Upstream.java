package io.fedsearch.access;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real local upstreams for the access tests: a public provider (/pub), a non-public one with its own user ids and
 * item rights (/crm, /check: every id but "2" allowed, principal "broken" gets HTTP 500), and one whose user ids
 * are looked up (/wiki, /userid answers "wiki-" + principal).
 */
final class Upstream {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpServer server;
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger publicCalls = new AtomicInteger();

    private Upstream(HttpServer server) {
        this.server = server;
    }

    static Upstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var upstream = new Upstream(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/pub", ex -> {
                upstream.publicCalls.incrementAndGet();
                reply(ex, 200, Map.of("items",
                        List.of(Map.of("id", "p1", "title", "public one", "url", "https://example.org/p1"))));
            });
            server.createContext("/crm", ex -> {
                String user = params(ex).getOrDefault("user", "");
                var items = new ArrayList<Map<String, String>>();
                for (String id : List.of("1", "2", "3")) {
                    items.add(Map.of("id", id, "title", "crm " + id + " for " + user,
                            "url", "https://crm.example.org/" + id));
                }
                reply(ex, 200, Map.of("items", items));
            });
            server.createContext("/check", ex -> {
                upstream.checks.incrementAndGet();
                JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
                if ("broken".equals(body.path("principal").asString())) {
                    reply(ex, 500, Map.of("error", "down"));
                    return;
                }
                var allowed = new ArrayList<String>();
                body.path("ids").forEach(id -> {
                    if (!id.asString().equals("2")) allowed.add(id.asString());
                });
                reply(ex, 200, Map.of("allowed", allowed));
            });
            server.createContext("/userid", ex -> {
                upstream.lookups.incrementAndGet();
                reply(ex, 200, Map.of("user_id", "wiki-" + params(ex).get("principal")));
            });
            server.createContext("/wiki", ex -> reply(ex, 200, Map.of("items",
                    List.of(Map.of("id", "w1", "title", "wiki for " + params(ex).getOrDefault("user", ""),
                            "url", "https://wiki.example.org/w1")))));
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Provider configuration pointing at this upstream, as key=value lines. */
    List<String> providerProperties() {
        String u = url();
        return List.of(
                "fedsearch.providers.pub.type=json",
                "fedsearch.providers.pub.url=" + u + "/pub?q={query}",
                "fedsearch.providers.pub.results-path=/items",
                "fedsearch.providers.pub.fields.id=/id",
                "fedsearch.providers.pub.fields.title=/title",
                "fedsearch.providers.pub.fields.url=/url",
                "fedsearch.providers.crm.type=json",
                "fedsearch.providers.crm.public=false",
                "fedsearch.providers.crm.url=" + u + "/crm?q={query}&user={user}",
                "fedsearch.providers.crm.results-path=/items",
                "fedsearch.providers.crm.fields.id=/id",
                "fedsearch.providers.crm.fields.title=/title",
                "fedsearch.providers.crm.fields.url=/url",
                "fedsearch.providers.crm.item-check-url=" + u + "/check",
                "fedsearch.providers.wiki.type=json",
                "fedsearch.providers.wiki.public=false",
                "fedsearch.providers.wiki.url=" + u + "/wiki?q={query}&user={user}",
                "fedsearch.providers.wiki.results-path=/items",
                "fedsearch.providers.wiki.fields.id=/id",
                "fedsearch.providers.wiki.fields.title=/title",
                "fedsearch.providers.wiki.fields.url=/url",
                "fedsearch.providers.wiki.user-id-url=" + u + "/userid");
    }

    private static Map<String, String> params(HttpExchange ex) {
        var params = new HashMap<String, String>();
        String query = ex.getRequestURI().getRawQuery();
        if (query == null) return params;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void reply(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
