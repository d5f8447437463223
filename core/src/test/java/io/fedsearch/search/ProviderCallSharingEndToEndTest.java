package io.fedsearch.search;

import io.fedsearch.testing.JsonProviders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boots the app against counting upstreams: identical calls in flight share one upstream call, and an answer that
 * comes after the request's deadline fills the cache; a stalled call is hedged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderCallSharingEndToEndTest {

    private static final Map<String, PacedUpstream> UPSTREAMS = new LinkedHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private final MeterRegistry meters;

    ProviderCallSharingEndToEndTest(MeterRegistry meters) {
        this.meters = meters;
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("fedsearch.access.anonymous.per-second", () -> "1000");
        registry.add("fedsearch.access.anonymous.per-hour", () -> "100000");
        provider(registry, "shared", PacedUpstream.holding());
        registry.add("fedsearch.providers.shared.timeout", () -> "10s");
        provider(registry, "late", PacedUpstream.paced(n -> 1_500));
        registry.add("fedsearch.providers.late.timeout", () -> "3s");
        // Every tenth request stalls for 2 s.
        provider(registry, "hedged", PacedUpstream.paced(n -> n % 10 == 0 ? 2_000 : 0));
        registry.add("fedsearch.providers.hedged.timeout", () -> "5s");
        registry.add("fedsearch.providers.hedged.hedge-after", () -> "100ms");
    }

    private static void provider(DynamicPropertyRegistry registry, String id, PacedUpstream upstream) {
        UPSTREAMS.put(id, upstream);
        String key = JsonProviders.register(registry, id, upstream::urlTemplate);
        registry.add(key + "slow", () -> "true");
        registry.add(key + "total-path", () -> "/total");
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.values().forEach(PacedUpstream::close);
    }

    @Test
    void fiftyIdenticalSearchesInFlightAtOnceMakeOneUpstreamCall() throws Exception {
        PacedUpstream upstream = UPSTREAMS.get("shared");
        String path = "/api/v1/search?q=" + unique() + "&providers=shared&timeout_ms=10000";
        var answers = new ArrayList<Future<JsonNode>>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) answers.add(clients.submit(() -> get(path)));
            // The upstream holds its answer until all fifty searches are in the app at once.
            await().atMost(Duration.ofSeconds(20)).until(() -> searchesInFlight() >= 50);
            upstream.release();
            for (Future<JsonNode> answer : answers) {
                assertThat(status(answer.get(), "shared")).isEqualTo("ok");
            }
        }
        assertThat(upstream.calls()).isEqualTo(1);
    }

    @Test
    void anAnswerAfterTheDeadlineFillsTheCacheForTheNextSearch() throws Exception {
        PacedUpstream upstream = UPSTREAMS.get("late");
        String path = "/api/v1/search?q=" + unique() + "&providers=late&timeout_ms=1000";

        assertThat(status(get(path), "late")).isEqualTo("timeout");

        // Searches while the late call is still running join it, and time out too; none calls the upstream again.
        await().atMost(Duration.ofSeconds(15)).until(() -> status(get(path), "late").equals("ok"));
        JsonNode fromCache = get(path);
        assertThat(status(fromCache, "late")).isEqualTo("ok");
        assertThat(fromCache.get("results").get(0).get("title").asString()).isEqualTo("answer 1");
        assertThat(upstream.calls()).isEqualTo(1);
    }

    @Test
    void aStalledCallIsHedgedAndTheHedgesStayWithinFivePercentOfCalls() throws Exception {
        PacedUpstream upstream = UPSTREAMS.get("hedged");
        int searches = 60;
        int answeredByStalledCalls = 0;
        for (int i = 0; i < searches; i++) {
            JsonNode answer = get("/api/v1/search?q=" + unique() + "&providers=hedged&timeout_ms=5000");
            assertThat(status(answer, "hedged")).isEqualTo("ok");
            int request = Integer.parseInt(answer.get("results").get(0).get("title").asString().substring("answer ".length()));
            if (request % 10 == 0) answeredByStalledCalls++;
        }
        int stalledCalls = upstream.calls() / 10;
        int hedges = upstream.calls() - searches;
        assertThat(hedges).isPositive().isLessThanOrEqualTo(searches * 5 / 100);
        // A hedged search answers from its second call, so fewer searches than stalled calls waited for one.
        assertThat(answeredByStalledCalls).isLessThan(stalledCalls);
    }

    private long searchesInFlight() {
        return meters.find("http.server.requests.active").longTaskTimers().stream()
                .mapToLong(LongTaskTimer::activeTasks).sum();
    }

    private JsonNode get(String path) throws Exception {
        var response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String status(JsonNode answer, String provider) {
        for (JsonNode p : answer.get("providers")) {
            if (p.get("provider").asString().equals(provider)) return p.get("status").asString();
        }
        throw new AssertionError("no entry for " + provider + " in " + answer);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
