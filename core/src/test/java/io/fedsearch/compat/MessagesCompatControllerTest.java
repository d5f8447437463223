package io.fedsearch.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed service's own cases, against the app as shipped: the default messages provider on the bundled sample. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagesCompatControllerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<JsonNode> SAMPLE = sample();

    @LocalServerPort
    int port;

    @AfterAll
    static void close() {
        HTTP.close();
    }

    @Test
    void pagesWithPageAndSize() throws Exception {
        JsonNode body = ok("/search?page=2&size=2");
        assertThat(body.get("total").asLong()).isEqualTo(3_349);
        assertThat(body.get("page").asInt()).isEqualTo(2);
        assertThat(body.get("size").asInt()).isEqualTo(2);
        assertThat(body.get("results").valueStream().toList()).containsExactly(SAMPLE.get(2), SAMPLE.get(3));
    }

    @Test
    void filtersByCaseInsensitiveSubstringOfTheMessage() throws Exception {
        JsonNode body = ok("/search?q=Paris&size=100");
        assertThat(body.get("total").asLong()).isEqualTo(expected("Paris").size()).isPositive();
        assertThat(body.get("results").valueStream().toList()).isEqualTo(expected("Paris").subList(0,
                Math.min(100, expected("Paris").size())));
        body.get("results").forEach(item ->
                assertThat(item.get("message").asString().toLowerCase(Locale.ROOT)).contains("paris"));
    }

    @Test
    void answersNoResultsForAQueryNothingHolds() throws Exception {
        JsonNode body = ok("/search?q=xyzzy-nothing-holds-this");
        assertThat(body.get("total").asLong()).isZero();
        assertThat(body.get("results").isEmpty()).isTrue();
    }

    @Test
    void withoutAFilterListsEveryMessageInUpstreamOrder() throws Exception {
        JsonNode body = ok("/search");
        assertThat(body.get("total").asLong()).isEqualTo(3_349);
        assertThat(body.get("page").asInt()).isEqualTo(1);
        assertThat(body.get("size").asInt()).isEqualTo(10);
        assertThat(body.get("results").valueStream().toList()).isEqualTo(SAMPLE.subList(0, 10));
        assertThat(ok("/search?q=").get("total").asLong()).isEqualTo(3_349);
    }

    @Test
    void answersTheSeedStructureWithTheUpstreamItemsVerbatim() throws Exception {
        HttpResponse<String> response = get("/search?size=1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"total\":3349,\"page\":1,\"size\":1,\"results\":["
                + JSON.writeValueAsString(SAMPLE.getFirst()) + "]}");
        JsonNode item = JSON.readTree(response.body()).get("results").get(0);
        assertThat(item.propertyNames()).containsExactly("id", "user_id", "user_name", "timestamp", "message");
        item.forEach(value -> assertThat(value.isString()).isTrue());
    }

    @Test
    void pageOneAndPageTwoDiffer() throws Exception {
        assertThat(ok("/search?page=1").get("results")).isNotEqualTo(ok("/search?page=2").get("results"));
    }

    @Test
    void acceptsSizesFromOneToAHundred() throws Exception {
        assertThat(ok("/search?size=1").get("results").size()).isEqualTo(1);
        assertThat(ok("/search?size=100").get("results").size()).isEqualTo(100);
        assertRejected("/search?size=0", "size", "greater_than_equal", "Input should be greater than or equal to 1", "0");
        assertRejected("/search?size=101", "size", "less_than_equal", "Input should be less than or equal to 100", "101");
    }

    @Test
    void aPageFarPastTheEndIsEmptyNotAnError() throws Exception {
        JsonNode body = ok("/search?page=999999&size=100");
        assertThat(body.get("total").asLong()).isEqualTo(3_349);
        assertThat(body.get("page").asLong()).isEqualTo(999_999);
        assertThat(body.get("results").isEmpty()).isTrue();
        assertThat(ok("/search?page=99999999999999999999999&size=100").get("results").isEmpty()).isTrue();
    }

    @Test
    void rejectsPageZeroAndNonIntegersAsFastApiDid() throws Exception {
        assertRejected("/search?page=0", "page", "greater_than_equal", "Input should be greater than or equal to 1", "0");
        assertRejected("/search?page=-3", "page", "greater_than_equal", "Input should be greater than or equal to 1", "-3");
        assertRejected("/search?page=abc", "page", "int_parsing",
                "Input should be a valid integer, unable to parse string as an integer", "abc");
        assertRejected("/search?size=1.5", "size", "int_parsing",
                "Input should be a valid integer, unable to parse string as an integer", "1.5");
        assertRejected("/search?page=", "page", "int_parsing",
                "Input should be a valid integer, unable to parse string as an integer", "");
    }

    @Test
    void everyBadParameterIsListedAsFastApiListsThem() throws Exception {
        HttpResponse<String> response = get("/search?page=0&size=x");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode detail = JSON.readTree(response.body()).get("detail");
        assertThat(detail.valueStream().map(d -> d.get("loc").get(1).asString() + ":" + d.get("type").asString()))
                .containsExactly("page:greater_than_equal", "size:int_parsing");
    }

    @Test
    void doesNotTrimAWhitespaceOnlyQuery() throws Exception {
        assertThat(ok("/search?q=" + encode("   ")).get("total").asLong()).isEqualTo(expected("   ").size());
        assertThat(ok("/search?q=" + encode(" ")).get("total").asLong()).isEqualTo(expected(" ").size())
                .isGreaterThan(3_000);
    }

    @Test
    void ignoresCase() throws Exception {
        long lower = ok("/search?q=paris").get("total").asLong();
        assertThat(lower).isPositive().isEqualTo(ok("/search?q=PARIS").get("total").asLong());
    }

    @Test
    void matchesPartOfAWord() throws Exception {
        long partial = ok("/search?q=Par").get("total").asLong();
        assertThat(partial).isEqualTo(expected("Par").size()).isGreaterThan(ok("/search?q=Paris").get("total").asLong());
    }

    @Test
    void matchesNonAsciiText() throws Exception {
        assertThat(ok("/search?q=" + encode("ZÜRICH")).get("total").asLong()).isEqualTo(expected("zürich").size()).isPositive();
    }

    @Test
    void rootAnswersTheSeedHealth() throws Exception {
        assertThat(ok("/")).isEqualTo(JSON.readTree("{\"status\":\"ok\"}"));
    }

    @Test
    void theFederatedSearchAnswersFromTheBundledSampleOffline() throws Exception {
        JsonNode body = ok("/api/v1/search?q=test");
        JsonNode messages = body.get("providers").valueStream()
                .filter(p -> p.get("provider").asString().equals("messages")).findFirst().orElseThrow();
        assertThat(messages.get("status").asString()).isEqualTo("ok");
        assertThat(messages.get("total").asLong()).isEqualTo(expected("test").size()).isPositive();
        JsonNode hit = messages.get("results").get(0);
        JsonNode first = expected("test").getFirst();
        assertThat(hit.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(hit.get("snippet").asString()).isEqualTo(first.get("message").asString());
        assertThat(hit.get("authors").get(0).asString()).isEqualTo(first.get("user_name").asString());
        assertThat(hit.get("published").asString()).isEqualTo(first.get("timestamp").asString());
        assertThat(hit.get("url").isNull()).isTrue();
    }

    @Test
    void actuatorHealthShowsTheMessagesIndex() throws Exception {
        JsonNode messages = ok("/actuator/health").get("components").get("messages");
        assertThat(messages.get("status").asString()).isEqualTo("UP");
        assertThat(messages.get("details").get("messages").get("state").asString()).isEqualTo("ok");
        assertThat(messages.get("details").get("messages").get("messages").asInt()).isEqualTo(3_349);
    }

    private void assertRejected(String path, String parameter, String type, String message, String input) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(422);
        JsonNode detail = JSON.readTree(response.body()).get("detail").get(0);
        assertThat(detail.get("type").asString()).isEqualTo(type);
        assertThat(detail.get("loc").valueStream().map(JsonNode::asString).toList()).containsExactly("query", parameter);
        assertThat(detail.get("msg").asString()).isEqualTo(message);
        assertThat(detail.get("input").asString()).isEqualTo(input);
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The reference: the seed's scan over the bundled file. */
    private static List<JsonNode> expected(String q) {
        String needle = q.toLowerCase(Locale.ROOT);
        return SAMPLE.stream().filter(i -> i.get("message").asString().toLowerCase(Locale.ROOT).contains(needle)).toList();
    }

    private static List<JsonNode> sample() {
        try (InputStream in = MessagesCompatControllerTest.class.getClassLoader().getResourceAsStream("messages/sample.json")) {
            var items = new ArrayList<JsonNode>();
            JSON.readTree(in).get("items").forEach(items::add);
            return items;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
