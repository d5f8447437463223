package io.fedsearch.provider.solr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real local HTTP server (JDK HttpServer) standing where Solr would: either answering a fixed status and body,
 * or forwarding to the real Solr while keeping the last request it saw (to check what the kind sends).
 */
final class LocalUpstream implements AutoCloseable {

    /** What arrived: the Authorization header (null when absent) and the path with its query. */
    record Seen(String authorization, URI uri) {
    }

    private final HttpServer server;
    private final AtomicReference<Seen> last = new AtomicReference<>();

    private LocalUpstream(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                last.set(new Seen(exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestURI()));
                handler.handle(exchange);
            }
        });
        server.start();
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    static LocalUpstream answering(int status, String contentType, String body) {
        return new LocalUpstream(exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        });
    }

    /** Forwards every GET to the same path and query under {@code solrRoot} (http://host:port). */
    static LocalUpstream forwardingTo(String solrRoot) {
        HttpClient client = HttpClient.newHttpClient();
        return new LocalUpstream(exchange -> {
            var forward = HttpRequest.newBuilder(URI.create(solrRoot + exchange.getRequestURI())).GET().build();
            try {
                HttpResponse<byte[]> answer = client.send(forward, HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
    }

    /** http://127.0.0.1:port */
    String root() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    Seen lastRequest() {
        return last.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
