package io.fedsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.search.LocalUpstream.Behaviour;
import io.fedsearch.testing.JsonProviders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Boots the whole app on a random port against real local upstreams that misbehave in every way we know. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FederatedSearchEndToEndTest {

    private static final Map<String, LocalUpstream> UPSTREAMS = new java.util.LinkedHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startUpstreams() {
        // started in @DynamicPropertySource, which runs first
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.values().forEach(LocalUpstream::close);
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        // Providers whose calls a test counts are marked slow, so the default selection never calls them.
        for (String counted : List.of("limited", "flaky", "stale", "narrow", "polite", "archive")) {
            registry.add("fedsearch.providers." + counted + ".slow", () -> "true");
        }
        upstream(registry, "fast", Behaviour.OK);
        upstream(registry, "slow", Behaviour.DELAY_50MS);
        upstream(registry, "hang", Behaviour.HANG);
        upstream(registry, "trickle", Behaviour.TRICKLE);
        upstream(registry, "err500", Behaviour.HTTP_500);
        upstream(registry, "limited", Behaviour.HTTP_429);
        upstream(registry, "malformed", Behaviour.MALFORMED);
        upstream(registry, "flaky", Behaviour.HTTP_500);
        upstream(registry, "stale", Behaviour.OK);
        registry.add("fedsearch.providers.stale.cache-ttl", () -> "100ms");
        upstream(registry, "narrow", Behaviour.HANG);
        registry.add("fedsearch.providers.narrow.max-concurrency", () -> "1");
        upstream(registry, "polite", Behaviour.OK);
        registry.add("fedsearch.providers.polite.min-interval", () -> "30s");
        upstream(registry, "archive", Behaviour.OK);
        upstream(registry, "private", Behaviour.OK);
        registry.add("fedsearch.providers.private.public", () -> "false");
        upstream(registry, "off", Behaviour.OK);
        registry.add("fedsearch.providers.off.enabled", () -> "false");
        json(registry, "refused", "http://127.0.0.1:" + LocalUpstream.refusingPort() + "/s?q={query}");
        registry.add("fedsearch.resilience.open-wait", () -> "300ms");
        registry.add("fedsearch.resilience.max-open-wait", () -> "2s");
    }

    private static void upstream(DynamicPropertyRegistry registry, String id, Behaviour behaviour) {
        var upstream = UPSTREAMS.computeIfAbsent(id, name -> new LocalUpstream(name, behaviour));
        json(registry, id, upstream.urlTemplate());
    }

    private static void json(DynamicPropertyRegistry registry, String id, String url) {
        JsonProviders.registerWithTotal(registry, id, () -> url);
    }

    @Test
    void reportsEveryProviderInOneAnswerSentWithinTheDeadline() throws Exception {
        get("/api/v1/search?q=warmup&providers=fast,slow&timeout_ms=2000");
        long start = System.nanoTime();
        var answer = get("/api/v1/search?q=" + unique() + "&providers=fast,slow,hang,trickle,refused,err500,malformed&timeout_ms=400");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.status).isEqualTo(200);
        // The bound is on the service's own clock (request in to answer ready); the wall clock around the HTTP
        // exchange also holds the test machine's scheduling, so it only proves nothing waited for the upstreams
        // that hang for a minute.
        assertThat(answer.body.get("took_ms").asLong()).isLessThanOrEqualTo(400 + 50);
        assertThat(elapsedMs).isLessThan(5_000);
        assertThat(status(answer.body, "fast")).isEqualTo("ok");
        assertThat(status(answer.body, "slow")).isEqualTo("ok");
        assertThat(status(answer.body, "hang")).isEqualTo("timeout");
        assertThat(status(answer.body, "trickle")).isEqualTo("timeout");
        assertThat(status(answer.body, "refused")).isEqualTo("error");
        assertThat(entry(answer.body, "refused").get("error").asString()).isEqualTo("connection refused");
        assertThat(entry(answer.body, "err500").get("error").asString()).isEqualTo("upstream answered HTTP 500");
        assertThat(entry(answer.body, "malformed").get("error").asString()).startsWith("malformed answer");
        assertThat(answer.body.get("complete").asBoolean()).isFalse();
        assertThat(answer.body.get("query_id").asLong()).isPositive();
        assertThat(entry(answer.body, "fast").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void mergesResultsAndFoldsDuplicatesByUrl() throws Exception {
        var answer = get("/api/v1/search?q=" + unique() + "&providers=fast,slow");

        assertThat(answer.body.get("complete").asBoolean()).isTrue();
        List<JsonNode> results = new ArrayList<>();
        answer.body.get("results").forEach(results::add);
        assertThat(results).hasSize(3);
        JsonNode shared = results.getFirst();
        assertThat(shared.get("url").asString()).isEqualTo("https://shared.example.org/same");
        assertThat(shared.get("providers").valueStream().map(JsonNode::asString)).containsExactly("fast", "slow");
        assertThat(results).extracting(r -> r.get("score").asDouble()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(results.get(1).get("authors").isArray()).isTrue();
        assertThat(results.get(1).get("published").isNull()).isTrue();
    }

    @Test
    void cancelsCallsThatMissTheDeadline() throws Exception {
        LocalUpstream trickle = UPSTREAMS.get("trickle");
        var closed = new java.util.concurrent.CountDownLatch(1);
        trickle.abandoned.set(closed);

        var answer = get("/api/v1/search?q=" + unique() + "&providers=trickle&timeout_ms=200");

        assertThat(status(answer.body, "trickle")).isEqualTo("timeout");
        assertThat(closed.await(5, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
    }

    @Test
    void upstream429SuspendsTheProvider() throws Exception {
        var first = get("/api/v1/search?q=" + unique() + "&providers=limited");
        var second = get("/api/v1/search?q=" + unique() + "&providers=limited");

        assertThat(entry(first.body, "limited").get("error").asString()).isEqualTo("upstream answered HTTP 429");
        assertThat(status(second.body, "limited")).isEqualTo("circuit_open");
        assertThat(entry(second.body, "limited").get("error").asString()).contains("suspended for 30 s");
        assertThat(UPSTREAMS.get("limited").calls()).isEqualTo(1);
        assertThat(circuit("limited")).isEqualTo("suspended");
    }

    @Test
    void breakerOpensThenHalfOpensThenClosesAgain() throws Exception {
        LocalUpstream flaky = UPSTREAMS.get("flaky");
        assertThat(circuit("flaky")).isEqualTo("closed");
        for (int i = 0; i < 5; i++) {
            assertThat(status(get("/api/v1/search?q=" + unique() + "&providers=flaky").body, "flaky")).isEqualTo("error");
        }
        assertThat(circuit("flaky")).isEqualTo("open");
        int callsWhenOpened = flaky.calls();
        assertThat(status(get("/api/v1/search?q=" + unique() + "&providers=flaky").body, "flaky")).isEqualTo("circuit_open");
        assertThat(flaky.calls()).as("an open breaker sends nothing").isEqualTo(callsWhenOpened);

        flaky.play(Behaviour.OK);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(
                () -> status(get("/api/v1/search?q=" + unique() + "&providers=flaky").body, "flaky").equals("ok"));
        assertThat(circuit("flaky")).isEqualTo("half_open");
        get("/api/v1/search?q=" + unique() + "&providers=flaky");
        get("/api/v1/search?q=" + unique() + "&providers=flaky");
        assertThat(circuit("flaky")).isEqualTo("closed");
    }

    @Test
    void servesIdenticalCallsFromCacheAndStaleAnswersWhenTheProviderFails() throws Exception {
        LocalUpstream upstream = UPSTREAMS.get("stale");
        String q = unique();
        get("/api/v1/search?q=" + q + "&providers=stale");
        get("/api/v1/search?q=" + q + "&providers=stale");
        assertThat(upstream.calls()).isEqualTo(1);

        upstream.play(Behaviour.HTTP_500);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            JsonNode entry = entry(get("/api/v1/search?q=" + q + "&providers=stale").body, "stale");
            assertThat(entry.get("status").asString()).isEqualTo("ok");
            assertThat(entry.path("stale").asBoolean(false)).isTrue();
        });
        assertThat(upstream.calls()).isGreaterThan(1);
    }

    @Test
    void rejectsCallsBeyondMaxConcurrency() throws Exception {
        Callable<String> search = () -> status(get("/api/v1/search?q=" + unique() + "&providers=narrow&timeout_ms=500").body, "narrow");
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = threads.submit(search);
            await().atMost(Duration.ofSeconds(2)).until(() -> UPSTREAMS.get("narrow").calls() >= 1);
            var second = threads.submit(search);
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder("timeout", "rejected");
        }
    }

    @Test
    void rejectsACallWhoseMinIntervalSlotComesAfterItsDeadline() throws Exception {
        assertThat(status(get("/api/v1/search?q=" + unique() + "&providers=polite").body, "polite")).isEqualTo("ok");
        var second = get("/api/v1/search?q=" + unique() + "&providers=polite&timeout_ms=200");
        assertThat(status(second.body, "polite")).isEqualTo("rejected");
        assertThat(entry(second.body, "polite").get("error").asString()).contains("min-interval");
    }

    @Test
    void leavesOutSlowProvidersUnlessAskedAndReportsEntitlementAndDisabled() throws Exception {
        var byDefault = get("/api/v1/search?q=" + unique() + "&timeout_ms=300");
        assertThat(providerIds(byDefault.body)).doesNotContain("archive", "private", "off").contains("fast", "hang");

        var withSlow = get("/api/v1/search?q=" + unique() + "&include_slow=true&providers=archive,private,off");
        assertThat(status(withSlow.body, "archive")).isEqualTo("ok");
        assertThat(status(withSlow.body, "private")).isEqualTo("not_entitled");
        assertThat(status(withSlow.body, "off")).isEqualTo("disabled");
        assertThat(UPSTREAMS.get("private").calls()).isZero();
        assertThat(UPSTREAMS.get("off").calls()).isZero();
    }

    @Test
    void answersBadParametersWithProblemJsonNamingTheParameter() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/v1/search?q=x&page=0", "page",
                "/api/v1/search?q=x&size=101", "size",
                "/api/v1/search?q=x&size=abc", "size",
                "/api/v1/search?q=x&timeout_ms=10", "timeout_ms",
                "/api/v1/search?q=x&providers=nope", "providers",
                "/api/v1/search?q=x&include_slow=maybe", "include_slow",
                "/api/v1/search?q=%20%20", "q",
                "/api/v1/search", "q",
                "/api/v1/search?author=" + "a".repeat(501), "author");
        for (var c : cases.entrySet()) {
            var answer = get(c.getKey());
            assertThat(answer.status).as(c.getKey()).isEqualTo(400);
            assertThat(answer.contentType).as(c.getKey()).startsWith("application/problem+json");
            assertThat(answer.body.path("parameter").asString()).as(c.getKey() + " " + answer.body).isEqualTo(c.getValue());
            assertThat(answer.body.get("type").asString()).isEqualTo("/problems/invalid-parameter");
        }
    }

    @Test
    void listsProvidersWithCircuitStateCountsAndLatency() throws Exception {
        get("/api/v1/search?q=" + unique() + "&providers=fast");
        var answer = get("/api/v1/providers");
        JsonNode fast = null;
        for (JsonNode p : answer.body.get("providers")) {
            if (p.get("id").asString().equals("fast")) fast = p;
        }
        assertThat(fast).isNotNull();
        assertThat(fast.get("type").asString()).isEqualTo("json");
        assertThat(fast.get("public").asBoolean()).isTrue();
        assertThat(fast.get("circuit").asString()).isEqualTo("closed");
        assertThat(fast.get("calls").asLong()).isPositive();
        assertThat(fast.get("p95_ms").asDouble()).isPositive();
        assertThat(providerIds(answer.body.get("providers"))).doesNotContain("private");
    }

    @Test
    void exposesOpenApiHealthAndPrometheus() throws Exception {
        JsonNode paths = get("/v3/api-docs").body.get("paths");
        assertThat(paths.has("/api/v1/search")).isTrue();
        // Parameters read as text (so a bad one is a 400 naming it) are still documented as the numbers they are.
        for (String name : List.of("page", "from", "to")) {
            assertThat(paths.get("/api/v1/results").get("get").get("parameters").valueStream()
                    .filter(p -> p.get("name").asString().equals(name)).findFirst().orElseThrow()
                    .get("schema").get("type").asString()).as(name).isEqualTo("integer");
        }
        for (String path : List.of("/api/v1/queries", "/api/v1/queries/export")) {
            assertThat(paths.get(path).get("get").get("parameters").valueStream().map(p -> p.get("name").asString()))
                    .as(path).contains("from", "to");
        }
        assertThat(get("/actuator/health/readiness").body.get("status").asString()).isEqualTo("UP");
        var prometheus = CLIENT.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.body()).contains("fedsearch_provider_calls_total{provider=\"fast\"}")
                .contains("fedsearch_provider_circuit_open");
        var docs = CLIENT.send(HttpRequest.newBuilder(uri("/docs")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(docs.statusCode()).isIn(200, 302);
    }

    private record Answer(int status, String contentType, JsonNode body) {
    }

    private Answer get(String path) throws Exception {
        var response = CLIENT.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String circuit(String id) throws Exception {
        for (JsonNode p : get("/api/v1/providers").body.get("providers")) {
            if (p.get("id").asString().equals(id)) return p.get("circuit").asString();
        }
        throw new AssertionError("no provider " + id);
    }

    private static String status(JsonNode answer, String provider) {
        return entry(answer, provider).get("status").asString();
    }

    private static JsonNode entry(JsonNode answer, String provider) {
        for (JsonNode p : answer.get("providers")) {
            if (p.get("provider").asString().equals(provider)) return p;
        }
        throw new AssertionError("no entry for " + provider + " in " + answer);
    }

    private static List<String> providerIds(JsonNode answerOrList) {
        JsonNode list = answerOrList.isArray() ? answerOrList : answerOrList.get("providers");
        var ids = new ArrayList<String>();
        list.forEach(p -> ids.add(p.has("provider") ? p.get("provider").asString() : p.get("id").asString()));
        return ids;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
