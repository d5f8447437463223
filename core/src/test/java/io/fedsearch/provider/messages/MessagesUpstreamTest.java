package io.fedsearch.provider.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.bench.AuroraUpstream;
import io.fedsearch.bench.MessagesGenerator;
import io.fedsearch.provider.ProviderCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole app pointed at a real local Aurora upstream of 100,000 messages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagesUpstreamTest {

    private static final List<MessagesGenerator.Item> ITEMS = MessagesGenerator.generate(100_000, 5, 5, 30);
    private static final AuroraUpstream UPSTREAM = start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pointAtUpstream(DynamicPropertyRegistry registry) {
        registry.add("fedsearch.providers.messages.source-url", () -> UPSTREAM.url().toString());
    }

    @LocalServerPort
    int port;
    private final ProviderCatalog catalog;

    MessagesUpstreamTest(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    @AfterAll
    static void stop() {
        UPSTREAM.close();
        HTTP.close();
    }

    @BeforeEach
    void awaitFirstLoad() {
        await().atMost(Duration.ofSeconds(60)).until(() -> provider().loaded());
    }

    @Test
    void searchGivesTheSameTotalsAndItemsAsAPlainScan() throws Exception {
        var queries = new ArrayList<>(List.of("", "please", "Paris", "the", "pa", "TH", "e", "qqqxxzz", "zürich",
                "İSTANBUL", "ΟΔΥΣΣΕΑΣ", "🎉", " ", "   ", "GRÜSSE", "grüße aus"));
        var random = new Random(9);
        for (int i = 0; i < 25; i++) {
            String message = ITEMS.get(random.nextInt(ITEMS.size())).message();
            int from = random.nextInt(message.length());
            int to = Math.min(message.length(), from + 2 + random.nextInt(10));
            // A URL carries UTF-8, which has no lone surrogates: never cut an emoji in half.
            if (Character.isLowSurrogate(message.charAt(from))) from--;
            if (to < message.length() && Character.isLowSurrogate(message.charAt(to))) to++;
            queries.add(message.substring(from, to));
        }
        for (String q : queries) {
            List<MessagesGenerator.Item> expected = scan(q);
            for (int page : new int[] {1, 3}) {
                JsonNode body = search(q, page, 100);
                assertThat(body.get("total").asLong()).as("total for '%s'", q).isEqualTo(expected.size());
                List<JsonNode> wanted = expected.subList(Math.min(expected.size(), (page - 1) * 100),
                        Math.min(expected.size(), page * 100)).stream().map(MessagesUpstreamTest::json).toList();
                assertThat(body.get("results").valueStream().toList()).as("page %d for '%s'", page, q).isEqualTo(wanted);
            }
        }
    }

    @Test
    void aFailedRefreshKeepsServingTheLastGoodIndexAndShowsDegraded() throws Exception {
        JsonNode before = search("paris", 2, 10);
        try {
            UPSTREAM.failAll(true);
            assertThat(provider().refresh()).isFalse();

            assertThat(search("paris", 2, 10)).isEqualTo(before);
            assertThat(provider().degradedReason()).contains("HTTP 503").contains("serving the 100000 messages");
            JsonNode listed = get("/api/v1/providers").get("providers").valueStream()
                    .filter(p -> p.get("id").asString().equals("messages")).findFirst().orElseThrow();
            assertThat(listed.get("degraded").asString()).contains("HTTP 503");
            assertThat(get("/").get("status").asString()).isEqualTo("degraded");
            JsonNode health = get("/actuator/health");
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("components").get("messages").get("details").get("messages").get("state").asString())
                    .isEqualTo("degraded");
            assertThat(get("/actuator/health/readiness").get("status").asString()).isEqualTo("UP");
        } finally {
            UPSTREAM.failAll(false);
        }
        assertThat(provider().refresh()).isTrue();
        assertThat(provider().degradedReason()).isNull();
        assertThat(get("/").get("status").asString()).isEqualTo("ok");
    }

    private MessagesProvider provider() {
        return (MessagesProvider) catalog.find("messages").orElseThrow().provider();
    }

    private JsonNode search(String q, int page, int size) throws Exception {
        String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
        return get("/search?q=" + encoded + "&page=" + page + "&size=" + size);
    }

    private JsonNode get(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<MessagesGenerator.Item> scan(String q) {
        String needle = q.toLowerCase(Locale.ROOT);
        return ITEMS.stream().filter(i -> i.message().toLowerCase(Locale.ROOT).contains(needle)).toList();
    }

    private static JsonNode json(MessagesGenerator.Item item) {
        return JSON.createObjectNode().put("id", item.id()).put("user_id", item.userId()).put("user_name", item.userName())
                .put("timestamp", item.timestamp()).put("message", item.message());
    }

    private static AuroraUpstream start() {
        try {
            return AuroraUpstream.start(ITEMS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
