package io.fedsearch.provider.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app on a random port, arXiv providers pointed at a local server replaying saved arXiv answers.
 * One provider per behaviour, so a failing one's breaker never touches the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArxivSearchEndToEndTest {

    private static final ArxivFixtureServer ARXIV = new ArxivFixtureServer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        for (String id : new String[]{"arxiv-local", "arxiv-failing", "arxiv-busy"}) {
            registry.add("fedsearch.providers." + id + ".type", () -> "arxiv");
            registry.add("fedsearch.providers." + id + ".base-url", ARXIV::baseUrl);
            // arXiv's 3 s politeness would make every test wait; the local server needs none.
            registry.add("fedsearch.providers." + id + ".min-interval", () -> "0s");
            registry.add("fedsearch.providers." + id + ".timeout", () -> "5s");
        }
    }

    @AfterAll
    static void stop() {
        ARXIV.close();
    }

    @LocalServerPort
    int port;

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void searchesArxivAndAnswersItsTotalAndTenResults() throws Exception {
        JsonNode answer = get("/api/v1/search?q=testing&providers=arxiv-local&timeout_ms=5000");

        JsonNode provider = answer.get("providers").get(0);
        assertThat(provider.get("provider").asString()).isEqualTo("arxiv-local");
        assertThat(provider.get("status").asString()).isEqualTo("ok");
        assertThat(provider.get("total").asLong()).isEqualTo(214_881L);
        assertThat(provider.get("results")).hasSize(10);
        JsonNode first = provider.get("results").get(0);
        assertThat(first.get("id").asString()).isEqualTo("2202.12139v1");
        assertThat(first.get("title").asString()).startsWith("Testing Deep Learning Models");
        assertThat(first.get("url").asString()).isEqualTo("https://arxiv.org/abs/2202.12139v1");
        assertThat(first.get("authors").get(0).asString()).isEqualTo("Mohit Kumar Ahuja");
        assertThat(first.get("doi").asString()).isEqualTo("10.1109/ICSTW55395.2022.00035");
        assertThat(answer.get("complete").asBoolean()).isTrue();
        assertThat(decoded(ARXIV.rawQueries().getLast())).isEqualTo("search_query=all:testing&start=0&max_results=10");
    }

    @Test
    void sendsFieldedFiltersAsPhrasesJoinedByAndWithThePage() throws Exception {
        JsonNode answer = get("/api/v1/search?author=Yang%20Yang&title=electron&providers=arxiv-local&page=2&size=5&timeout_ms=5000");

        assertThat(answer.get("providers").get(0).get("status").asString()).isEqualTo("ok");
        assertThat(answer.get("providers").get(0).get("total").asLong()).isEqualTo(7_370L);
        assertThat(decoded(ARXIV.rawQueries().getLast()))
                .isEqualTo("search_query=au:\"Yang Yang\" AND ti:electron&start=5&max_results=5");
    }

    @Test
    void reportsArxivsOwnMessageWhenItAnswers400() throws Exception {
        JsonNode answer = get("/api/v1/search?q=error&providers=arxiv-failing&timeout_ms=5000");

        JsonNode provider = answer.get("providers").get(0);
        assertThat(provider.get("status").asString()).isEqualTo("error");
        assertThat(provider.get("error").asString()).isEqualTo("arXiv answered HTTP 400: incorrect id format for abc");
        assertThat(provider.get("results")).isEmpty();
        assertThat(answer.get("complete").asBoolean()).isFalse();
    }

    @Test
    void reportsAnUnavailableArxivAndSuspendsIt() throws Exception {
        JsonNode first = get("/api/v1/search?q=busy&providers=arxiv-busy&timeout_ms=5000");
        JsonNode second = get("/api/v1/search?q=busy%20again&providers=arxiv-busy&timeout_ms=5000");

        assertThat(first.get("providers").get(0).get("status").asString()).isEqualTo("error");
        assertThat(first.get("providers").get(0).get("error").asString()).isEqualTo("upstream answered HTTP 503");
        assertThat(second.get("providers").get(0).get("status").asString()).isEqualTo("circuit_open");
    }

    @Test
    void refusesAPageBeyondArxivsReachWithoutCallingIt() throws Exception {
        int calls = ARXIV.rawQueries().size();

        JsonNode answer = get("/api/v1/search?q=deep&providers=arxiv-local&page=301&size=100&timeout_ms=5000");

        assertThat(answer.get("providers").get(0).get("status").asString()).isEqualTo("error");
        assertThat(answer.get("providers").get(0).get("error").asString())
                .isEqualTo("arXiv serves at most 30,000 results: page*size too large");
        assertThat(ARXIV.rawQueries()).hasSize(calls);
    }

    private static String decoded(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
