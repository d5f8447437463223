package io.fedsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzzing run's findings, one by one, against the whole app on a random port: each was a 500, an HTML page or
 * a Java type in the answer, and each is now problem+json with the right status and the parameter named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "FEDSEARCH_ADMIN_KEY=" + MalformedRequestsTest.ADMIN)
class MalformedRequestsTest {

    static final String ADMIN = "fs_test-admin-key-0000000000000000000000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private RawHttp.Answer get(String target, Map<String, String> headers) {
        return new RawHttp(port).send("GET", target, headers, null);
    }

    private RawHttp.Answer send(String method, String target, String contentType, String body, String key) {
        var headers = new LinkedHashMap<String, String>();
        if (contentType != null) headers.put("Content-Type", contentType);
        if (key != null) headers.put("X-API-Key", key);
        return new RawHttp(port).send(method, target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(RawHttp.Answer answer, int status, String what) {
        assertThat(answer.status()).as(what + " " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(answer.body()).as(what).doesNotContainPattern("java\\.|org\\.springframework|\\.[A-Z][A-Za-z]+Exception|\\[L");
        return body;
    }

    @Test
    void answersInvalidPercentEncodingWith400NamingTheParameter() {
        assertThat(problem(get("/api/v1/search?q=%ff%fe", Map.of()), 400, "%ff%fe").path("parameter").asString()).isEqualTo("q");
        assertThat(problem(get("/api/v1/search?q=%", Map.of()), 400, "%").path("parameter").asString()).isEqualTo("q");
        assertThat(problem(get("/api/v1/providers?x=%zz", Map.of()), 400, "%zz").path("parameter").asString()).isEqualTo("x");
        var form = send("POST", "/queries", "application/x-www-form-urlencoded", "a=%ff", null);
        assertThat(problem(form, 400, "form a=%ff").path("parameter").asString()).isEqualTo("body");
    }

    @Test
    void answersAnAcceptTheEndpointCannotServeWith406ProblemJson() {
        problem(get("/api/v1/providers", Map.of("Accept", "text/plain")), 406, "text/plain");
        problem(get("/", Map.of("Accept", "image/png")), 406, "image/png");
    }

    @Test
    void answersAnUnparseableAcceptWith400NamingAccept() {
        for (String accept : List.of(";;;/", "application/json;q=abc")) {
            assertThat(problem(get("/api/v1/providers", Map.of("Accept", accept)), 400, accept).path("parameter").asString())
                    .isEqualTo("Accept");
        }
    }

    @Test
    void answersBadContentTypesWith415() {
        problem(send("POST", "/queries", "multipart/form-data", "x", null), 415, "multipart without boundary");
        problem(send("POST", "/api/v1/clicks", "*/*", "{}", null), 415, "*/*");
        problem(send("POST", "/api/v1/clicks", "application/json; charset=nope", "{}", null), 415, "unknown charset");
        problem(send("PUT", "/admin/flags/trending", "text/plain", "true", ADMIN), 415, "text/plain");
    }

    @Test
    void answersWrongJsonTypesInBodiesWith400NamingTheField() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("PUT /admin/flags/x {\"enabled\": {}}", "enabled");
        cases.put("POST /admin/api-keys {\"principal\": \"bob\", \"per_second\": \"fast\"}", "per_second");
        cases.put("POST /admin/api-keys {\"principal\": \"bob\", \"providers\": [\"a\", {}]}", "providers[1]");
        cases.put("PUT /admin/entitlements/bob {\"providers\": [], \"user_ids\": {\"crm\": []}}", "user_ids.crm");
        cases.put("POST /api/v1/clicks {\"query_id\": \"one\"}", "query_id");
        cases.put("POST /api/v1/clicks {\"query_id\": 99999999999999999999999}", "query_id");
        cases.put("POST /queries {\"start_timestamp\": []}", "start_timestamp");
        for (var c : cases.entrySet()) {
            String[] parts = c.getKey().split(" ", 3);
            var answer = send(parts[0], parts[1], "application/json", parts[2], ADMIN);
            JsonNode body = problem(answer, 400, c.getKey());
            assertThat(body.path("parameter").asString()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(body.path("detail").asString()).as(c.getKey()).startsWith(c.getValue() + " must be ");
        }
        var broken = send("POST", "/api/v1/clicks", "application/json", "{\"query_id\": ", null);
        assertThat(problem(broken, 400, "truncated JSON").path("parameter").asString()).isEqualTo("body");
    }

    @Test
    void namesEachValueOfARepeatedParameterInsteadOfAJavaArray() {
        for (String target : List.of("/api/v1/trending?limit=a&limit=b", "/api/v1/search?q=x&include_slow=a&include_slow=b",
                "/admin/audit?limit=a&limit=b", "/api/v1/suggest?prefix=ab&limit=a&limit=b")) {
            JsonNode body = problem(get(target, Map.of("X-API-Key", ADMIN)), 400, target);
            assertThat(body.path("detail").asString()).as(target).contains("'a', 'b'");
        }
    }

    @Test
    void answersPathsHeadersAndUrlsTomcatRefusesWithProblemJson() {
        problem(get("/api/v1/queries/..%2f..%2fetc", Map.of()), 400, "encoded slash");
        problem(get("/api/v1/search?q=" + "a".repeat(20_000), Map.of()), 400, "over-long URL");
        problem(get("/api/v1/providers", Map.of("X-Big", "a".repeat(20_000))), 400, "over-long header");
        problem(get("/api/v1/providers", Map.of("Bad Header", "x")), 400, "malformed header name");
    }

    @Test
    void answersAMethodNotAllowedWithTheAllowHeader() {
        var answer = send("PATCH", "/api/v1/providers", null, "", null);
        problem(answer, 405, "PATCH");
        assertThat(answer.headers().get("allow")).isEqualTo("GET");
    }
}
