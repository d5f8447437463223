package io.fedsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fedsearch.access.Http;
import io.fedsearch.testing.JsonProviders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app on a random port over real local upstreams: "open" (public), "closed" and "licensed" (not public).
 * Callers use real API keys made through the admin API, with entitlements set by PUT /admin/entitlements; without a
 * key the caller is anonymous.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fedsearch.insights.suggest-refresh=100ms", "FEDSEARCH_ADMIN_KEY=" + InsightsHttpTest.ADMIN})
class InsightsHttpTest {

    static final String ADMIN = "fs_insights-admin-key-000000000000000000";
    private static final String[] PROVIDERS = {"open", "closed", "licensed"};
    private static final HttpServer upstream = start();

    private static HttpServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            for (String provider : PROVIDERS) {
                server.createContext("/" + provider, exchange -> {
                    byte[] body = ("{\"items\":[{\"id\":\"" + provider + "-1\",\"title\":\"A " + provider
                            + " result\",\"url\":\"https://example.org/" + provider + "-1\"}]}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
            }
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        upstream.stop(0);
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        for (String provider : PROVIDERS) {
            String key = JsonProviders.register(registry, provider, () -> base + "/" + provider + "?q={query}");
            registry.add(key + "cache-ttl", () -> "1ms");
        }
        registry.add("fedsearch.providers.closed.public", () -> "false");
        registry.add("fedsearch.providers.licensed.public", () -> "false");
    }

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = Http.at(port);
    }

    /** A new API key of the principal, which is entitled to exactly these non-public providers. */
    private String keyOf(String principal, String... providers) {
        String key = http.createKey(ADMIN, Map.of("principal", principal)).path("key").asString();
        entitle(principal, providers);
        return key;
    }

    private void entitle(String principal, String... providers) {
        var put = http.send("PUT", "/admin/entitlements/" + principal, ADMIN, Map.of("providers", List.of(providers)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** Searches as the key's caller; the query id. */
    private long search(String key, String q) {
        var search = http.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), key);
        assertThat(search.statusCode()).isEqualTo(200);
        return Http.json(search).get("query_id").asLong();
    }

    /** Opens the result "provider-1" of the query, once per provider named (in that order). */
    private void open(String key, long queryId, String... providers) {
        for (String provider : providers) {
            var clicked = click("{\"query_id\":" + queryId + ",\"provider\":\"" + provider + "\",\"result_id\":\""
                    + provider + "-1\"}", key);
            assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(201);
        }
    }

    private HttpResponse<String> click(String body, String key) {
        return http.send("POST", "/api/v1/clicks", key, body);
    }

    @Test
    void anonymousNeverSeesResultsOfANonPublicProviderWhileAnEntitledCallerDoes() {
        String alice = keyOf("alice", "closed");
        long queryId = search(alice, "solar neutrinos");
        open(alice, queryId, "closed", "open", "closed");

        var anonymous = Http.json(http.get("/api/v1/trending?days=7&limit=5", null));
        assertThat(anonymous.get("results").findValuesAsString("result_id")).containsExactly("open-1");
        var aliceTrending = Http.json(http.get("/api/v1/trending?days=7&limit=5", alice));
        assertThat(aliceTrending.get("results").findValuesAsString("result_id")).containsExactly("closed-1", "open-1");
        assertThat(aliceTrending.get("results").get(0).get("title").asString()).isEqualTo("A closed result");
        assertThat(aliceTrending.get("results").get(0).get("opened").asLong()).isEqualTo(2);

        var clicks = Http.json(http.get("/api/v1/me/recent-clicks", alice));
        assertThat(clicks.get("results").findValuesAsString("result_id")).containsExactly("closed-1", "open-1");
        var queries = Http.json(http.get("/api/v1/me/recent-queries", alice));
        assertThat(queries.get("queries").get(0).get("q").asString()).isEqualTo("solar neutrinos");
        assertThat(Http.json(http.get("/api/v1/me/recent-clicks", null)).get("results")).isEmpty();

        var someoneElse = click("{\"query_id\":" + queryId + ",\"provider\":\"open\",\"result_id\":\"open-1\"}", null);
        assertThat(someoneElse.statusCode()).isEqualTo(403);
        assertThat(someoneElse.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // Her own past query; anonymous callers are not suggested it (HistoryAndSuggestAccessTest).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Http.json(http.get("/api/v1/suggest?prefix=neutr", alice)).get("suggestions").findValuesAsString("text"))
                .contains("solar neutrinos"));
    }

    /**
     * Trending over 2 days here: the 7-day window of the test above may already be counted (and kept for an hour),
     * and "licensed" is a provider of its own, so neither test changes what the other sees.
     */
    @Test
    void aRevokedEntitlementRemovesThatProvidersResultsFromRecentClicksAndTrending() {
        String grace = keyOf("grace", "licensed");
        open(grace, search(grace, "licensed papers"), "open", "licensed");
        assertThat(Http.json(http.get("/api/v1/me/recent-clicks", grace)).get("results").findValuesAsString("result_id"))
                .containsExactly("licensed-1", "open-1");
        assertThat(Http.json(http.get("/api/v1/trending?days=2&limit=5", grace)).get("results")
                .findValuesAsString("result_id")).contains("licensed-1", "open-1");

        entitle("grace");
        assertThat(http.send("POST", "/admin/cache/flush", ADMIN, null).statusCode()).isEqualTo(200);

        assertThat(Http.json(http.get("/api/v1/me/recent-clicks", grace)).get("results").findValuesAsString("result_id"))
                .containsExactly("open-1");
        assertThat(Http.json(http.get("/api/v1/trending?days=2&limit=5", grace)).get("results")
                .findValuesAsString("result_id")).contains("open-1").doesNotContain("licensed-1");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        for (var c : Map.of("/api/v1/trending?days=31", "days", "/api/v1/trending?limit=0", "limit",
                "/api/v1/suggest?prefix=a", "prefix", "/api/v1/suggest?prefix=ab&limit=51", "limit").entrySet()) {
            var response = http.get(c.getKey(), null);
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(Http.json(response).get("parameter").asString()).isEqualTo(c.getValue());
        }
        var unknown = click("{\"query_id\":424242,\"provider\":\"open\",\"result_id\":\"x\"}", keyOf("alice", "closed"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Http.json(unknown).get("parameter").asString()).isEqualTo("query_id");
    }

    @Test
    void suggestAnswersFromReferenceDataWithAShapeOfTextSourceAndScore() {
        var answer = Http.json(http.get("/api/v1/suggest?prefix=artificial%20intel&limit=3", null));

        assertThat(answer.get("prefix").asString()).isEqualTo("artificial intel");
        assertThat(answer.get("suggestions").get(0).get("text").asString()).isEqualTo("cs.AI Artificial Intelligence");
        assertThat(answer.get("suggestions").get(0).get("source").asString()).isEqualTo("reference");
        assertThat(answer.get("suggestions").get(0).get("score").asDouble()).isPositive();
    }

    @Test
    void aSwitchedOffFeatureIsA404Problem() {
        assertThat(http.send("PUT", "/admin/flags/trending", ADMIN, Map.of("enabled", false)).statusCode()).isEqualTo(200);
        try {
            var response = http.get("/api/v1/trending", null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Http.json(response).get("type").asString()).isEqualTo("/problems/feature-off");
            assertThat(Http.json(response).get("feature").asString()).isEqualTo("trending");
        } finally {
            http.send("DELETE", "/admin/flags/trending", ADMIN, null);
        }
    }
}
