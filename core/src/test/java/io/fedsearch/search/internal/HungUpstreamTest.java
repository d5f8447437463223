package io.fedsearch.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider whose upstream reads the request and never answers: the search answers under its deadline with
 * {@code timeout} for it, and the upstream sees its connection closed once the provider's own timeout has passed
 * (the call ran on in the background to fill the cache, but was then cancelled, not left running).
 */
class HungUpstreamTest {

    @Test
    void aHungProviderIsReportedAsTimeoutAndItsConnectionIsClosed() throws Exception {
        var closed = new CountDownLatch(1);
        try (var upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> hangUntilClosed(upstream, closed));
            String k = "--fedsearch.providers.hung";
            var args = new ArrayList<>(new TestDatabase.H2().create().args());
            args.addAll(List.of(k + ".type=json",
                    k + ".url=http://127.0.0.1:" + upstream.getLocalPort() + "/search?q={query}",
                    k + ".results-path=/items", k + ".fields.title=/title", k + ".fields.url=/url",
                    k + ".timeout=1s"));
            try (TestApp app = TestApp.start(args)) {
                var answer = app.get("/api/v1/search?providers=hung&timeout_ms=300&q=anything");

                assertThat(answer.statusCode()).isEqualTo(200);
                JsonNode hung = JsonMapper.builder().build().readTree(answer.body()).get("providers").get(0);
                assertThat(hung.get("status").asString()).isEqualTo("timeout");
                assertThat(closed.await(5, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
            }
        }
    }

    /** Reads one request's headers, answers nothing, and counts down once the client closes the connection. */
    private static void hangUntilClosed(ServerSocket server, CountDownLatch closed) {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
            var head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && !head.toString().endsWith("\r\n\r\n")) head.append((char) b);
            while (b != -1) b = in.read();
            closed.countDown();
        } catch (IOException e) {
            closed.countDown(); // a reset is a close too
        }
    }
}
