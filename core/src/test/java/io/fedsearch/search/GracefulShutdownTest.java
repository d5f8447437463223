package io.fedsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.FedsearchApplication;
import io.fedsearch.search.LocalUpstream.Behaviour;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Stopping the service lets a search in flight finish with its answer. */
class GracefulShutdownTest {

    @Test
    void finishesASearchInFlightWhileShuttingDown() throws Exception {
        try (var upstream = new LocalUpstream("hang", Behaviour.HANG)) {
            var context = new SpringApplicationBuilder(FedsearchApplication.class).run(
                    "--server.port=0", "--spring.main.banner-mode=off",
                    "--fedsearch.providers.hang.type=json", "--fedsearch.providers.hang.url=" + upstream.urlTemplate(),
                    "--fedsearch.providers.hang.results-path=/items", "--fedsearch.providers.hang.fields.title=/title");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var request = HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/api/v1/search?q=x&timeout_ms=1500")).build();
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).until(() -> upstream.calls() == 1);

            context.close();

            HttpResponse<String> answer = inFlight.get();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"timeout\"");
        }
    }
}
