package io.fedsearch.provider.arxiv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real local HTTP server standing in for export.arxiv.org: it replays the saved arXiv answers, chosen by what
 * the decoded search_query contains: "error" = the error feed with HTTP 400, "busy" = 503 without a body,
 * "nothing" = the empty feed, "electron" = the legacy feed, anything else = the current 10-entry feed.
 * Every raw query string received is kept in order.
 */
public final class ArxivFixtureServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> rawQueries = new CopyOnWriteArrayList<>();

    public ArxivFixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/query", this::answer);
        server.start();
    }

    /** The base-url to configure: http://127.0.0.1:port/api/query. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/query";
    }

    public List<String> rawQueries() {
        return List.copyOf(rawQueries);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        rawQueries.add(raw == null ? "" : raw);
        String query = raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
        if (query.contains("busy")) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        int status = query.contains("error") ? 400 : 200;
        String fixture = query.contains("error") ? ArxivFixtures.ERROR
                : query.contains("nothing") ? ArxivFixtures.EMPTY
                : query.contains("electron") ? ArxivFixtures.LEGACY
                : ArxivFixtures.CURRENT;
        byte[] body = ArxivFixtures.bytes(fixture);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
