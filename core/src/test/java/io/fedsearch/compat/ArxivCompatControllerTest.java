package io.fedsearch.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.history.QueryLog;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.provider.arxiv.ArxivFixtureServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed's GET /arxiv against the whole app, its default arxiv provider pointed at a local fixture server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArxivCompatControllerTest {

    private static final ArxivFixtureServer ARXIV = new ArxivFixtureServer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void arxiv(DynamicPropertyRegistry registry) {
        registry.add("fedsearch.providers.arxiv.base-url", ARXIV::baseUrl);
        registry.add("fedsearch.providers.arxiv.min-interval", () -> "0s");
        // The error-feed test fails calls on purpose; this keeps the breaker judging out of the other tests.
        registry.add("fedsearch.resilience.minimum-calls", () -> "1000");
    }

    @AfterAll
    static void stop() {
        ARXIV.close();
    }

    @LocalServerPort
    int port;
    private final QueryLog queryLog;

    ArxivCompatControllerTest(QueryLog queryLog) {
        this.queryLog = queryLog;
    }

    record Answer(int status, JsonNode body) {
    }

    private Answer get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static String lastArxivQuery() {
        return URLDecoder.decode(ARXIV.rawQueries().getLast(), StandardCharsets.UTF_8);
    }

    @Test
    void answersTheSeedShapeWithArxivsStatusAndCounts() throws Exception {
        double before = System.currentTimeMillis() / 1000.0;

        Answer answer = get("/arxiv?author=John%20Smith&title=testing");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.propertyNames()).containsExactly("timestamp", "status", "num_results", "num_entries");
        assertThat(body.get("timestamp").isFloatingPointNumber()).isTrue();
        assertThat(body.get("timestamp").asDouble()).isBetween(before - 1, System.currentTimeMillis() / 1000.0 + 1);
        assertThat(body.get("status").asInt()).isEqualTo(200);
        assertThat(body.get("num_results").asLong()).isEqualTo(214_881L);
        assertThat(body.get("num_entries").asInt()).isEqualTo(10);
        assertThat(lastArxivQuery()).isEqualTo("search_query=au:\"John Smith\" AND ti:testing&start=0&max_results=8");
    }

    @Test
    void recordsTheQueryWithItsOriginTheUrlSentAndTheResults() throws Exception {
        get("/arxiv?author=Helge%20Spieker&max_results=10");

        QueryRecord record = LongStream.range(1, queryLog.nextId()).mapToObj(queryLog::find).flatMap(Optional::stream)
                .filter(r -> "Helge Spieker".equals(r.author())).findFirst().orElseThrow();
        assertThat(record.origin()).isEqualTo("arxiv");
        QueryRecord.ProviderSummary arxiv = record.providers().getFirst();
        assertThat(arxiv.provider()).isEqualTo("arxiv");
        assertThat(arxiv.httpStatus()).isEqualTo(200);
        assertThat(arxiv.total()).isEqualTo(214_881L);
        assertThat(arxiv.upstreamUri()).endsWith("?search_query=au%3A%22Helge%20Spieker%22&start=0&max_results=10");
        assertThat(record.results()).hasSize(10);
        assertThat(record.results().getFirst().resultId()).isEqualTo("2202.12139v1");
    }

    @Test
    void sendsEveryFilterJoinedByAndWithTheAskedMaxResults() throws Exception {
        Answer answer = get("/arxiv?author=Yang&title=electron%20proton&journal=Chemical%20Physics&max_results=2000");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("num_results").asLong()).isEqualTo(7_370L);
        assertThat(lastArxivQuery()).isEqualTo(
                "search_query=au:Yang AND ti:\"electron proton\" AND jr:\"Chemical Physics\"&start=0&max_results=2000");
    }

    @Test
    void answersZeroCountsWhenArxivFindsNothing() throws Exception {
        Answer answer = get("/arxiv?journal=nothing&max_results=1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("num_results").asLong()).isZero();
        assertThat(answer.body().get("num_entries").asInt()).isZero();
        assertThat(lastArxivQuery()).endsWith("&max_results=1");
    }

    @Test
    void answers502WithArxivsMessageWhenArxivRefusesTheQuery() throws Exception {
        Answer answer = get("/arxiv?title=error");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body().get("detail").asString()).isEqualTo("arXiv answered HTTP 400: incorrect id format for abc");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "author=                 | author      | string_too_short",
            "title=%20%20&author=x   | title       | string_too_short",
            "journal=                | journal     | string_too_short",
            "author=x&max_results=abc | max_results | int_parsing",
            "author=x&max_results=1.5 | max_results | int_parsing",
            "author=x&max_results=   | max_results | int_parsing",
            "author=x&max_results=0  | max_results | greater_than_equal",
            "author=x&max_results=-3 | max_results | greater_than_equal",
            "author=x&max_results=2001 | max_results | less_than_equal",
            "author=x&max_results=99999999999999999999 | max_results | less_than_equal",
            "max_results=0           | max_results | greater_than_equal"})
    void answers422FastApiStyleNamingTheBadParameter(String query, String parameter, String type) throws Exception {
        int calls = ARXIV.rawQueries().size();

        Answer answer = get("/arxiv?" + query.strip());

        assertThat(answer.status()).isEqualTo(422);
        JsonNode detail = answer.body().get("detail");
        assertThat(detail).hasSize(1);
        assertThat(detail.get(0).get("loc").valueStream().map(JsonNode::asString).toList()).isEqualTo(List.of("query", parameter));
        assertThat(detail.get(0).get("type").asString()).isEqualTo(type);
        assertThat(detail.get(0).get("msg").asString()).isNotBlank();
        assertThat(ARXIV.rawQueries()).hasSize(calls);
    }

    @Test
    void everyBadParameterIsListedAsFastApiListsThem() throws Exception {
        Answer answer = get("/arxiv?author=&title=ok&max_results=0");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("detail").valueStream()
                .map(d -> d.get("loc").get(1).asString() + ":" + d.get("type").asString()))
                .containsExactly("author:string_too_short", "max_results:greater_than_equal");
    }

    @ParameterizedTest
    @CsvSource({"/arxiv", "/arxiv?max_results=5", "/arxiv?q=testing"})
    void answers400WhenNoFilterIsGiven(String path) throws Exception {
        Answer answer = get(path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("detail").isString()).isTrue();
        assertThat(answer.body().get("detail").asString()).contains("author, title or journal");
    }
}
