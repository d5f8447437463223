package io.fedsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.search.LocalUpstream.Behaviour;
import io.fedsearch.testing.JsonProviders;
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
    /** Answers at once, except its 21st request, which stalls for 3 s. */
    private static final PacedUpstream STALLING = PacedUpstream.paced(n -> n == 21 ? 3_000 : 0);
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
            JsonProviders.register(registry, id, upstream::urlTemplate);
        }
        String key = JsonProviders.register(registry, "stalling", STALLING::urlTemplate);
        registry.add(key + "slow", () -> "true");
        registry.add(key + "timeout", () -> "5s");
        registry.add(key + "hedge-after", () -> "100ms");
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.forEach(LocalUpstream::close);
        STALLING.close();
    }

    @Test
    void eachProviderCallIsAChildSpanOfTheRequestsSpanWithItsAttributes() throws Exception {
        String path = "/api/v1/search?q=" + unique() + "&providers=alpha,beta";
        get(path);
        List<SpanData> calls = providerCallsUnderOneServerSpan("alpha", "beta");

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
        assertThat(providerCallsUnderOneServerSpan("alpha", "beta"))
                .allSatisfy(call -> assertThat(call.getAttributes().get(AttributeKey.stringKey("cache"))).isEqualTo("hit"));
    }

    @Test
    void aHedgedCallIsMarkedOnItsSpan() throws Exception {
        // Twenty calls earn the provider one hedge (the 5 % budget); the 21st stalls and is hedged after 100 ms.
        for (int i = 0; i < 20; i++) get("/api/v1/search?q=" + unique() + "&providers=stalling&timeout_ms=5000");
        assertThat(STALLING.calls()).isEqualTo(20);
        // Their spans arrive in batches: all twenty are in before the reset, so none is taken for the 21st.
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> "stalling".equals(s.getAttributes().get(AttributeKey.stringKey("provider")))).count() == 20);
        spans.reset();

        var answer = get("/api/v1/search?q=" + unique() + "&providers=stalling&timeout_ms=5000");

        assertThat(answer.body()).contains("\"status\":\"ok\"");
        assertThat(STALLING.calls()).isEqualTo(22);
        SpanData call = providerCallsUnderOneServerSpan("stalling").getFirst();
        assertThat(call.getAttributes().get(AttributeKey.stringKey("provider"))).isEqualTo("stalling");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("hedged"))).isEqualTo("true");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("ok");
    }

    @Test
    void theStreamsProviderCallsAreChildSpansOfItsRequestSpanToo() throws Exception {
        var response = get("/api/v1/search/stream?q=" + unique() + "&providers=alpha,beta");
        assertThat(response.body()).contains("event: done");

        List<SpanData> calls = providerCallsUnder("/api/v1/search/stream", "alpha", "beta");

        assertThat(calls).allSatisfy(call ->
                assertThat(call.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("ok"));
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

    /**
     * Waits for a server span whose provider.call children are one per given provider, all in its trace. Spans of an
     * earlier test may still arrive after its reset (the exporter batches), so the children must name the providers.
     */
    private List<SpanData> providerCallsUnderOneServerSpan(String... providers) {
        return providerCallsUnder("/api/v1/search", providers);
    }

    /** As above, for a server span of {@code route}. */
    private List<SpanData> providerCallsUnder(String route, String... providers) {
        var expected = List.of(providers).stream().sorted().toList();
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<SpanData> finished = spans.getFinishedSpanItems();
            return finished.stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().endsWith(" " + route))
                    .map(server -> finished.stream().filter(s -> s.getName().equals("provider.call"))
                            .filter(s -> s.getParentSpanId().equals(server.getSpanId()))
                            .filter(s -> s.getTraceId().equals(server.getTraceId()))
                            .toList())
                    .filter(calls -> calls.stream().map(c -> c.getAttributes().get(AttributeKey.stringKey("provider")))
                            .sorted().toList().equals(expected))
                    .findFirst().orElse(List.of());
        }, calls -> !calls.isEmpty());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
