package io.fedsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.search.LocalUpstream.Behaviour;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every request traced (sampling 1.0) into an in-memory exporter; two real local upstreams. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms"})
class TracingEndToEndTest {

    private static final List<LocalUpstream> UPSTREAMS = new java.util.ArrayList<>();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryExport {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    InMemorySpanExporter spans;

    @org.springframework.beans.factory.annotation.Autowired
    ObjectProvider<SpanExporter> exporters;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        for (String id : List.of("alpha", "beta")) {
            var upstream = new LocalUpstream(id, Behaviour.OK);
            UPSTREAMS.add(upstream);
            String key = "fedsearch.providers." + id + ".";
            registry.add(key + "type", () -> "json");
            registry.add(key + "url", upstream::urlTemplate);
            registry.add(key + "results-path", () -> "/items");
            registry.add(key + "fields.id", () -> "/id");
            registry.add(key + "fields.title", () -> "/title");
            registry.add(key + "fields.url", () -> "/url");
        }
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.forEach(LocalUpstream::close);
    }

    @Test
    void eachProviderCallIsAChildSpanOfTheRequestsSpanWithItsAttributes() throws Exception {
        String path = "/api/v1/search?q=" + unique() + "&providers=alpha,beta";
        get(path);
        List<SpanData> calls = providerCallsUnderOneServerSpan(2);

        assertThat(calls).extracting(s -> s.getAttributes().get(AttributeKey.stringKey("provider")))
                .containsExactlyInAnyOrder("alpha", "beta");
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("ok");
            assertThat(call.getAttributes().get(AttributeKey.stringKey("cache"))).isEqualTo("miss");
            assertThat(call.getAttributes().get(AttributeKey.stringKey("coalesced"))).isEqualTo("false");
            assertThat(call.getAttributes().get(AttributeKey.stringKey("hedged"))).isEqualTo("false");
        });

        spans.reset();
        get(path);
        assertThat(providerCallsUnderOneServerSpan(2))
                .allSatisfy(call -> assertThat(call.getAttributes().get(AttributeKey.stringKey("cache"))).isEqualTo("hit"));
    }

    @Test
    void theSearchAnswerCarriesEachProvidersTimeInServerTiming() throws Exception {
        var response = get("/api/v1/search?q=" + unique() + "&providers=alpha,beta");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Server-Timing").orElseThrow())
                .matches("alpha;dur=\\d+, beta;dur=\\d+");
    }

    @Test
    void eachProviderCallIsAlsoTimedForPrometheus() throws Exception {
        get("/api/v1/search?q=" + unique() + "&providers=alpha");

        assertThat(get("/actuator/prometheus").body()).containsPattern("provider_call_seconds_count\\{[^}]*provider=\"alpha\"");
    }

    @Test
    void noSpanLeavesTheProcessUnlessAnOtlpEndpointIsSet() {
        assertThat(exporters.stream().toList()).containsExactly(spans);
    }

    /** Waits for the server span and its provider.call children; all of them must share its trace. */
    private List<SpanData> providerCallsUnderOneServerSpan(int expected) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<SpanData> finished = spans.getFinishedSpanItems();
            SpanData server = finished.stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/api/v1/search"))
                    .findFirst().orElse(null);
            if (server == null) return List.<SpanData>of();
            return finished.stream().filter(s -> s.getName().equals("provider.call"))
                    .filter(s -> s.getParentSpanId().equals(server.getSpanId()))
                    .filter(s -> s.getTraceId().equals(server.getTraceId()))
                    .toList();
        }, calls -> calls.size() == expected);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
