package io.fedsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedsearch.search.LocalUpstream.Behaviour;
import io.fedsearch.testing.JsonProviders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** explain=true over real local upstreams: both return one hit at the same URL, so one result is folded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplainEndToEndTest {

    private static final List<LocalUpstream> UPSTREAMS = new java.util.ArrayList<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        for (String id : List.of("left", "right")) {
            var upstream = new LocalUpstream(id, Behaviour.OK);
            UPSTREAMS.add(upstream);
            JsonProviders.register(registry, id, upstream::urlTemplate);
        }
        registry.add("fedsearch.providers.right.weight", () -> "2.5");
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.forEach(LocalUpstream::close);
    }

    @Test
    void explainGivesEachMergedResultContributionsThatAddUpToItsScore() throws Exception {
        JsonNode answer = JSON.readTree(get("/api/v1/search?q=" + unique() + "&providers=left,right&explain=true").body());

        assertThat(answer.get("results")).hasSize(3);
        boolean sawFolded = false;
        for (JsonNode result : answer.get("results")) {
            JsonNode contributions = result.get("explain").get("contributions");
            double sum = 0;
            for (JsonNode c : contributions) {
                double expected = c.get("weight").asDouble() / (60 + c.get("rank").asInt());
                assertThat(c.get("contribution").asDouble()).isCloseTo(expected, within(1e-12));
                sum += c.get("contribution").asDouble();
            }
            assertThat(sum).isCloseTo(result.get("score").asDouble(), within(1e-12));
            if (result.get("providers").size() == 2) {
                sawFolded = true;
                assertThat(contributions).hasSize(2);
                assertThat(contributions.get(0).get("provider").asString()).isEqualTo("left");
                assertThat(contributions.get(0).get("rank").asInt()).isEqualTo(2);
                assertThat(contributions.get(1).get("provider").asString()).isEqualTo("right");
                assertThat(contributions.get(1).get("weight").asDouble()).isEqualTo(2.5);
            }
        }
        assertThat(sawFolded).isTrue();
    }

    @Test
    void withoutExplainTheAnswerHasNoExplainKey() throws Exception {
        String body = get("/api/v1/search?q=" + unique() + "&providers=left,right").body();

        assertThat(body).doesNotContain("explain").contains("\"score\"");
        assertThat(get("/api/v1/search?q=" + unique() + "&providers=left,right&explain=false").body())
                .doesNotContain("explain");
    }

    @Test
    void aBadExplainValueIsAProblemNamingIt() throws Exception {
        var response = get("/api/v1/search?q=x&explain=maybe");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("parameter").asString()).isEqualTo("explain");
    }

    @Test
    void theStreamsDoneEventExplainsToo() throws Exception {
        String events = get("/api/v1/search/stream?q=" + unique() + "&providers=left,right&explain=true").body();
        String done = events.substring(events.indexOf("event: done\ndata: ") + "event: done\ndata: ".length()).strip();

        assertThat(JSON.readTree(done).get("results").get(0).get("explain").get("contributions")).isNotEmpty();
    }

    @Test
    void theApiDocsDescribeExplain() throws Exception {
        JsonNode docs = JSON.readTree(get("/v3/api-docs").body());
        JsonNode parameters = docs.get("paths").get("/api/v1/search").get("get").get("parameters");

        assertThat(parameters.findValuesAsString("name")).contains("explain");
        assertThat(docs.get("components").get("schemas").get("Result").get("properties").has("explain")).isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
