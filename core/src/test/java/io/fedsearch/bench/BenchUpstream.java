package io.fedsearch.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A stand-alone upstream for the HTTP benchmarks (bench/search-http.sh): answers the json provider's shape
 * after a fixed delay, or never. Usage: {@code java -cp target/test-classes io.fedsearch.bench.BenchUpstream PORT
 * DELAY_MS|never}. Not a test: it runs until killed.
 */
public final class BenchUpstream {

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(args[0]);
        boolean never = args[1].equals("never");
        long delayMs = never ? 0 : Long.parseLong(args[1]);
        var forever = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                if (never) {
                    forever.await();
                }
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
                String q = exchange.getRequestURI().getRawQuery();
                var body = new StringBuilder("{\"total\": 10, \"items\": [");
                for (int i = 1; i <= 10; i++) {
                    body.append(i == 1 ? "" : ",").append("{\"id\": \"").append(port).append('-').append(i)
                            .append("\", \"title\": \"Result ").append(i).append(" from ").append(port)
                            .append("\", \"url\": \"https://example.org/").append(port).append('/').append(i)
                            .append("\", \"snippet\": \"query ").append(q == null ? "" : q.replace("\"", ""))
                            .append("\"}");
                }
                byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        forever.await();
    }
}
