package io.fedsearch.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The body limit against a real local upstream, with and without a Content-Length. */
class UpstreamClientTest {

    private static final int LIMIT = 64 * 1024;

    private HttpServer upstream;
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final UpstreamClient client = new UpstreamClient(DataSize.ofBytes(LIMIT));

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/bytes", exchange -> {
            int size = Integer.parseInt(exchange.getRequestURI().getQuery().replace("n=", ""));
            boolean chunked = exchange.getRequestURI().getPath().endsWith("/chunked");
            exchange.sendResponseHeaders(200, chunked ? 0 : size);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[1024];
                Arrays.fill(block, (byte) 'x');
                for (int sent = 0; sent < size; sent += block.length) out.write(block, 0, Math.min(block.length, size - sent));
            } catch (java.io.IOException e) {
                // the client hung up on a body over its limit
            }
        });
        // 429 with a Retry-After and an error page far over the limit, declared or streamed.
        upstream.createContext("/busy", exchange -> {
            boolean chunked = exchange.getRequestURI().getPath().endsWith("/chunked");
            exchange.getResponseHeaders().set("Retry-After", "120");
            exchange.sendResponseHeaders(429, chunked ? 0 : 10 * LIMIT);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[10 * LIMIT]);
            } catch (java.io.IOException e) {
                // the client hung up
            }
        });
        // 503 whose error page starts and then never ends (held open until the test is over).
        upstream.createContext("/stalled", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "30");
            exchange.sendResponseHeaders(503, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<html>".getBytes());
                out.flush();
                testOver.await(30, TimeUnit.SECONDS);
            } catch (java.io.IOException e) {
                // the client hung up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.start();
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        client.close();
        upstream.stop(0);
    }

    private byte[] fetch(String path) throws Exception {
        return answer(path).body();
    }

    private UpstreamResponse answer(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + path);
        return client.send(new UpstreamRequest(uri, Map.of()), Deadline.in(Duration.ofSeconds(10)));
    }

    @Test
    void aBodyUpToTheLimitArrivesWhole() throws Exception {
        assertThat(fetch("/bytes?n=" + LIMIT)).hasSize(LIMIT);
        assertThat(fetch("/bytes/chunked?n=" + LIMIT)).hasSize(LIMIT);
    }

    @Test
    void aLongerBodyFailsTheCallWhetherDeclaredOrStreamed() {
        assertThatThrownBy(() -> fetch("/bytes?n=" + (LIMIT + 1)))
                .isInstanceOf(UpstreamFailureException.class).hasMessageContaining("larger than 65536 bytes");
        assertThatThrownBy(() -> fetch("/bytes/chunked?n=" + (10 * LIMIT)))
                .isInstanceOf(UpstreamFailureException.class).hasMessageContaining("larger than 65536 bytes");
    }

    @Test
    void anErrorPageThatNeverEndsIsNotWaitedFor() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/stalled");
        UpstreamResponse answer = client.send(new UpstreamRequest(uri, Map.of()), Deadline.in(Duration.ofSeconds(5)));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).isEqualTo("30");
    }

    @Test
    void anOversizedErrorPageStillGivesItsStatusAndRetryAfter() throws Exception {
        for (String path : new String[] {"/busy", "/busy/chunked"}) {
            UpstreamResponse answer = answer(path);
            assertThat(answer.status()).as(path).isEqualTo(429);
            assertThat(answer.retryAfter()).as(path).isEqualTo("120");
            assertThat(answer.body()).as(path).isEmpty();
        }
    }
}
