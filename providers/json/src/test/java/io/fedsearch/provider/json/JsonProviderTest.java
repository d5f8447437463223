package io.fedsearch.provider.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonProviderTest {

    private static JsonProvider provider(Map<String, String> fields, Map<String, String> headers) {
        var settings = new JsonSettings(
                "https://api.example.org/find?text={query}&p={page}&n={size}&from={offset}&u={user}",
                "/data/hits", "/data/count", fields, headers);
        return (JsonProvider) new JsonProviderKind(JsonMapper.builder().build()).create("crm", settings);
    }

    @Test
    void expandsTheTemplateWithEncodedValuesAndUserHeaders() {
        var p = provider(Map.of("title", "/name"), Map.of("X-User", "{user}", "Authorization", "Bearer abc"));
        var request = p.request(new ProviderQuery("café & co", null, null, null, 3, 20, "u 42"));

        assertThat(request.uri().toString())
                .isEqualTo("https://api.example.org/find?text=caf%C3%A9%20%26%20co&p=3&n=20&from=40&u=u%2042");
        assertThat(request.headers()).containsEntry("X-User", "u 42").containsEntry("Authorization", "Bearer abc");
    }

    @Test
    void readsEveryFieldThroughItsPointerAndLeavesUnknownOnesNull() {
        var p = provider(Map.of("title", "/name", "url", "/links/self", "id", "/id", "authors", "/people",
                "published", "/date"), Map.of());
        String body = """
                {"data": {"count": 42, "hits": [
                  {"id": 7, "name": "Quarterly report", "links": {"self": "https://x/7"}, "people": ["Ada", "Bob"], "date": "2024-05-01"},
                  {"id": 8, "name": "Draft", "people": "Cy"}
                ]}}""";
        var page = p.parse(null, new UpstreamResponse(200, "application/json", null, body.getBytes(StandardCharsets.UTF_8)));

        assertThat(page.total()).isEqualTo(42);
        assertThat(page.hits()).hasSize(2);
        assertThat(page.hits().getFirst().id()).isEqualTo("7");
        assertThat(page.hits().getFirst().url()).isEqualTo("https://x/7");
        assertThat(page.hits().getFirst().authors()).containsExactly("Ada", "Bob");
        assertThat(page.hits().get(1).url()).isNull();
        assertThat(page.hits().get(1).snippet()).isNull();
        assertThat(page.hits().get(1).authors()).containsExactly("Cy");
    }

    @Test
    void failsOnAnAnswerWithoutTheResultsArray() {
        var p = provider(Map.of("title", "/name"), Map.of());
        assertThatThrownBy(() -> p.parse(null, new UpstreamResponse(200, null, null, "{\"data\":{}}".getBytes())))
                .hasMessageContaining("no array at results-path /data/hits");
    }
}
