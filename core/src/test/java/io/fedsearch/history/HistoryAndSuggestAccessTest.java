package io.fedsearch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fedsearch.access.Http;
import io.fedsearch.testing.JsonProviders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The leak of issue 13, replayed: a non-public provider {@code crm} answers "SECRET board memo", alice (entitled to
 * crm) searches "merger plans acme", then every caller kind reads every history and suggest endpoint. Only alice and
 * the admin may see anything of hers; anonymous callers get 401 where history is per principal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "FEDSEARCH_ADMIN_KEY=" + HistoryAndSuggestAccessTest.ADMIN,
        "fedsearch.insights.suggest-refresh=100ms",
        "fedsearch.access.default-per-second=100000",
        "fedsearch.access.default-per-hour=10000000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryAndSuggestAccessTest {

    static final String ADMIN = "fs_leak-admin-key-0000000000000000000000";
    private static final String QUERY = "merger plans acme";
    private static final String SECRET = "SECRET board memo";
    private static final HttpServer upstream = upstream();

    enum Who { ANONYMOUS, OTHER_KEY, OWN_KEY, ADMIN }

    /** What a caller must get: the status, and whether alice's query (or its SECRET result) shows. */
    enum Sees { UNAUTHORIZED, NOT_FOUND, NOTHING_OF_ALICE, ALICE }

    @LocalServerPort
    int port;
    private Http http;
    private String alice;
    private String bob;
    private long queryId;

    private static HttpServer upstream() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            reply(server, "/crm", "{\"items\":[{\"id\":\"m1\",\"title\":\"" + SECRET + "\",\"url\":\"https://crm.example.org/m1\"}]}");
            reply(server, "/pub", "{\"items\":[{\"id\":\"p1\",\"title\":\"public one\",\"url\":\"https://example.org/p1\"}]}");
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        for (String provider : List.of("pub", "crm")) {
            JsonProviders.register(registry, provider, () -> base + "/" + provider + "?q={query}");
        }
        registry.add("fedsearch.providers.crm.public", () -> "false");
    }

    @AfterAll
    static void stop() {
        upstream.stop(0);
    }

    @BeforeAll
    void aliceSearchesTheNonPublicProvider() {
        http = Http.at(port);
        alice = http.createKey(ADMIN, Map.of("principal", "alice")).get("key").asString();
        bob = http.createKey(ADMIN, Map.of("principal", "bob")).get("key").asString();
        entitle("crm");
        var search = http.get("/api/v1/search?q=merger%20plans%20acme", alice);
        assertThat(search.body()).contains(SECRET);
        queryId = Http.json(search).get("query_id").asLong();
        // Stored, and suggestible to alice: from here on every read has something to leak.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(http.get("/api/v1/results?provider=crm", alice).body()).contains(SECRET);
            assertThat(http.get("/api/v1/suggest?prefix=merg", alice).body()).contains(QUERY);
        });
    }

    private void entitle(String... providers) {
        var put = http.send("PUT", "/admin/entitlements/alice", ADMIN, Map.of("providers", List.of(providers)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        var rows = Stream.<Arguments>builder();
        for (String endpoint : List.of("/api/v1/queries", "/api/v1/queries/{id}", "/api/v1/queries/export",
                "/api/v1/results?provider=crm")) {
            rows.add(Arguments.of(endpoint, Who.ANONYMOUS, Sees.UNAUTHORIZED));
            rows.add(Arguments.of(endpoint, Who.OTHER_KEY,
                    endpoint.endsWith("{id}") ? Sees.NOT_FOUND : Sees.NOTHING_OF_ALICE));
            rows.add(Arguments.of(endpoint, Who.OWN_KEY, Sees.ALICE));
            rows.add(Arguments.of(endpoint, Who.ADMIN, Sees.ALICE));
        }
        // Suggest offers a caller its own past queries; alice's alone asked this one, of a non-public provider.
        rows.add(Arguments.of("/api/v1/suggest?prefix=merg", Who.ANONYMOUS, Sees.NOTHING_OF_ALICE));
        rows.add(Arguments.of("/api/v1/suggest?prefix=merg", Who.OTHER_KEY, Sees.NOTHING_OF_ALICE));
        rows.add(Arguments.of("/api/v1/suggest?prefix=merg", Who.OWN_KEY, Sees.ALICE));
        rows.add(Arguments.of("/api/v1/suggest?prefix=merg", Who.ADMIN, Sees.NOTHING_OF_ALICE));
        // The seed endpoints by default (fedsearch.compat.history=public) hold only anonymous queries of public providers.
        for (String endpoint : List.of("GET /queries", "POST /queries", "GET /results")) {
            for (Who who : Who.values()) rows.add(Arguments.of(endpoint, who, Sees.NOTHING_OF_ALICE));
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("everyEndpointForEveryCaller")
    void everyCallerSeesOnlyWhatItMay(String endpoint, Who who, Sees expected) {
        HttpResponse<String> answer = call(endpoint, key(who));

        switch (expected) {
            case UNAUTHORIZED -> {
                assertThat(answer.statusCode()).isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            case NOT_FOUND -> {
                assertThat(answer.statusCode()).isEqualTo(404);
                // Exactly as a query that does not exist, so ids cannot be probed.
                var missing = call("/api/v1/queries/" + (queryId + 1_000_000), key(who));
                assertThat(answer.body()).isEqualTo(missing.body().replace(String.valueOf(queryId + 1_000_000),
                        String.valueOf(queryId)));
            }
            case NOTHING_OF_ALICE -> {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).doesNotContain("merger", SECRET, "alice");
            }
            case ALICE -> {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains(endpoint.contains("results") || endpoint.endsWith("{id}")
                        ? SECRET : QUERY);
            }
        }
    }

    @Test
    void revokingAlicesEntitlementHidesTheNonPublicResultsFromHerHistoryButNotHerQueries() {
        entitle();
        try {
            var one = http.get("/api/v1/queries/" + queryId, alice);
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(one.body()).contains(QUERY, "public one").doesNotContain(SECRET);
            var results = http.get("/api/v1/results?query_id=" + queryId, alice);
            assertThat(Http.json(results).get("total").asLong()).isEqualTo(1);
            assertThat(results.body()).contains("public one").doesNotContain(SECRET);
            assertThat(http.get("/api/v1/results?provider=crm", alice).body()).doesNotContain(SECRET);
            // The admin key still reads everything that is stored.
            assertThat(http.get("/api/v1/queries/" + queryId, ADMIN).body()).contains(SECRET);
        } finally {
            entitle("crm");
        }
    }

    @Test
    void anAdminFiltersByPrincipalAndAKeyMayNotNameAnotherOne() {
        assertThat(http.get("/api/v1/queries?principal=alice", ADMIN).body()).contains(QUERY);
        assertThat(http.get("/api/v1/queries?principal=bob", ADMIN).body()).doesNotContain(QUERY);
        var asBob = http.get("/api/v1/queries?principal=alice", bob);
        assertThat(asBob.statusCode()).isEqualTo(403);
        assertThat(asBob.body()).doesNotContain(QUERY);
    }

    private String key(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case OTHER_KEY -> bob;
            case OWN_KEY -> alice;
            case ADMIN -> ADMIN;
        };
    }

    private HttpResponse<String> call(String endpoint, String key) {
        String today = Instant.now().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toLocalDateTime().toString();
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .toLocalDateTime().toString();
        return switch (endpoint) {
            case "GET /queries" -> http.get("/queries?start_timestamp=" + today + ":00&end_timestamp=" + tomorrow + ":00", key);
            case "POST /queries" -> http.send("POST", "/queries", key,
                    Map.of("start_timestamp", today + ":00", "end_timestamp", tomorrow + ":00"));
            case "GET /results" -> http.get("/results?items_per_page=1000", key);
            default -> http.get(endpoint.replace("{id}", String.valueOf(queryId)), key);
        };
    }
}
