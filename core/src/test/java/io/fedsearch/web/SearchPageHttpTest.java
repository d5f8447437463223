package io.fedsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /} by what the client accepts, and the page's security headers (no browser needed). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchPageHttpTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,*/*;q=0.8";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aBrowserGetsThePageWithAPolicyThatAllowsNoInlineScript() throws Exception {
        HttpResponse<String> page = get("/", BROWSER_ACCEPT);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/assets/app.js\"></script>");
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(page.body()).find())
                .as("an inline script").isFalse();
        assertThat(page.body()).doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void everyOtherClientKeepsTheSeedJsonStatus() throws Exception {
        for (String accept : new String[] {null, "*/*", "application/json", "application/json, text/html;q=0.5"}) {
            HttpResponse<String> answer = get("/", accept);

            assertThat(answer.statusCode()).as(String.valueOf(accept)).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(String.valueOf(accept)).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.get("status").asString()).as(String.valueOf(accept)).isIn("ok", "degraded");
            assertThat(body.size()).isEqualTo(1);
        }
    }

    @Test
    void theAssetsCarryTheSameHeaders() throws Exception {
        for (String asset : new String[] {"/assets/app.js", "/assets/page.css", "/index.html"}) {
            HttpResponse<String> answer = get(asset, "*/*");

            assertThat(answer.statusCode()).as(asset).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(asset).isPresent();
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(asset).hasValue("nosniff");
        }
        assertThat(get("/assets/app.js", "*/*").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }

    @Test
    void theOpenApiDocumentDescribesTheStream() throws Exception {
        JsonNode doc = JSON.readTree(get("/v3/api-docs", "application/json").body());
        JsonNode stream = doc.path("paths").path("/api/v1/search/stream").path("get");

        assertThat(stream.path("responses").path("200").path("content").has("text/event-stream")).isTrue();
        assertThat(stream.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
        assertThat(stream.path("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("q", "author", "title", "journal", "providers", "include_slow", "page", "size", "timeout_ms");
        assertThat(doc.path("paths").has("/")).isTrue();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (accept != null) request.header("Accept", accept);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
