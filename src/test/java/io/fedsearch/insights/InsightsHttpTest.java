package io.fedsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fedsearch.access.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app on a random port over two real local upstreams: "open" (public) and "closed" (not public).
 * API keys are not merged yet, so a test-only filter turns an X-Test-Principal header into a Caller entitled to
 * "closed"; without the header the caller is anonymous.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fedsearch.insights.suggest-refresh=100ms")
class InsightsHttpTest {

    private static final HttpServer upstream = start();

    private static HttpServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            for (String provider : new String[] {"open", "closed"}) {
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
        for (String provider : new String[] {"open", "closed"}) {
            String key = "fedsearch.providers." + provider;
            registry.add(key + ".type", () -> "json");
            registry.add(key + ".url", () -> base + "/" + provider + "?q={query}");
            registry.add(key + ".results-path", () -> "/items");
            registry.add(key + ".fields.id", () -> "/id");
            registry.add(key + ".fields.title", () -> "/title");
            registry.add(key + ".fields.url", () -> "/url");
            registry.add(key + ".cache-ttl", () -> "1ms");
        }
        registry.add("fedsearch.providers.closed.public", () -> "false");
    }

    @TestConfiguration
    static class TestCallers {
        @Bean
        OncePerRequestFilter testCallerFilter() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                FilterChain chain) throws ServletException, IOException {
                    String principal = request.getHeader("X-Test-Principal");
                    if (principal != null) {
                        request.setAttribute(Caller.ATTRIBUTE, new Caller(principal, false, Set.of("closed"), Map.of()));
                    }
                    chain.doFilter(request, response);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> get(String path, String principal) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (principal != null) request.header("X-Test-Principal", principal);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> click(String body, String principal) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/clicks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (principal != null) request.header("X-Test-Principal", principal);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void anonymousNeverSeesResultsOfANonPublicProviderWhileAnEntitledCallerDoes() throws Exception {
        var search = get("/api/v1/search?q=" + URLEncoder.encode("solar neutrinos", StandardCharsets.UTF_8), "alice");
        assertThat(search.statusCode()).isEqualTo(200);
        long queryId = body(search).get("query_id").asLong();
        for (String result : new String[] {"closed-1", "open-1", "closed-1"}) {
            String provider = result.substring(0, result.indexOf('-'));
            var clicked = click("{\"query_id\":" + queryId + ",\"provider\":\"" + provider + "\",\"result_id\":\""
                    + result + "\"}", "alice");
            assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(201);
        }

        var anonymous = body(get("/api/v1/trending?days=7&limit=5", null));
        assertThat(anonymous.get("results").findValuesAsString("result_id")).containsExactly("open-1");
        var alice = body(get("/api/v1/trending?days=7&limit=5", "alice"));
        assertThat(alice.get("results").findValuesAsString("result_id")).containsExactly("closed-1", "open-1");
        assertThat(alice.get("results").get(0).get("title").asString()).isEqualTo("A closed result");
        assertThat(alice.get("results").get(0).get("opened").asLong()).isEqualTo(2);

        var clicks = body(get("/api/v1/me/recent-clicks", "alice"));
        assertThat(clicks.get("results").findValuesAsString("result_id")).containsExactly("closed-1", "open-1");
        var queries = body(get("/api/v1/me/recent-queries", "alice"));
        assertThat(queries.get("queries").get(0).get("q").asString()).isEqualTo("solar neutrinos");
        assertThat(body(get("/api/v1/me/recent-clicks", null)).get("results")).isEmpty();

        var someoneElse = click("{\"query_id\":" + queryId + ",\"provider\":\"open\",\"result_id\":\"open-1\"}", null);
        assertThat(someoneElse.statusCode()).isEqualTo(403);
        assertThat(someoneElse.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                body(get("/api/v1/suggest?prefix=neutr", null)).get("suggestions").findValuesAsString("text"))
                .contains("solar neutrinos"));
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() throws Exception {
        for (var c : Map.of("/api/v1/trending?days=31", "days", "/api/v1/trending?limit=0", "limit",
                "/api/v1/suggest?prefix=a", "prefix", "/api/v1/suggest?prefix=ab&limit=51", "limit").entrySet()) {
            var response = get(c.getKey(), null);
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(body(response).get("parameter").asString()).isEqualTo(c.getValue());
        }
        var unknown = click("{\"query_id\":424242,\"provider\":\"open\",\"result_id\":\"x\"}", "alice");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).get("parameter").asString()).isEqualTo("query_id");
    }

    @Test
    void suggestAnswersFromReferenceDataWithAShapeOfTextSourceAndScore() throws Exception {
        var answer = body(get("/api/v1/suggest?prefix=artificial%20intel&limit=3", null));

        assertThat(answer.get("prefix").asString()).isEqualTo("artificial intel");
        assertThat(answer.get("suggestions").get(0).get("text").asString()).isEqualTo("cs.AI Artificial Intelligence");
        assertThat(answer.get("suggestions").get(0).get("source").asString()).isEqualTo("reference");
        assertThat(answer.get("suggestions").get(0).get("score").asDouble()).isPositive();
    }

    @Test
    void aSwitchedOffFeatureIsA404Problem() throws Exception {
        System.setProperty("fedsearch.flags.trending", "false");
        try {
            var response = get("/api/v1/trending", null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(body(response).get("detail").asString()).isEqualTo("feature 'trending' is switched off");
        } finally {
            System.clearProperty("fedsearch.flags.trending");
        }
    }
}
