package io.fedsearch.provider.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenSearchRequestTest {

    private static OpenSearchProvider provider(Map<String, String> fields, boolean highlight, String user, String pw, String key) {
        return new OpenSearchProvider("papers", new OpenSearchSettings("https://os.example.org:9200/", "papers",
                List.of("title^2", "abstract"), fields, highlight, user, pw, key));
    }

    private static JsonNode body(UpstreamRequest request) {
        return JsonMapper.builder().build().readTree(request.body());
    }

    @Test
    void postsAJsonSearchWithOffsetSizeAndExactTotal() {
        UpstreamRequest request = provider(Map.of("title", "title"), false, null, null, null)
                .request(new ProviderQuery("quantum", null, null, null, 3, 20, null));
        JsonNode body = body(request);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).hasToString("https://os.example.org:9200/papers/_search");
        assertThat(request.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("Accept", "application/json").doesNotContainKey("Authorization");
        assertThat(body.path("from").intValue()).isEqualTo(40);
        assertThat(body.path("size").intValue()).isEqualTo(20);
        assertThat(body.path("track_total_hits").booleanValue()).isTrue();
        assertThat(body.has("highlight")).isFalse();
    }

    @Test
    void carriesTheCallersTextVerbatimAsAJsonStringNeverAsSyntax() {
        String text = "\"}]}, {\"match_all\": {}} \\ ( : * AND";
        JsonNode clause = body(provider(Map.of("title", "title"), false, null, null, null)
                .request(new ProviderQuery(text, null, null, null, 1, 10, null)))
                .at("/query/bool/must/0/simple_query_string");

        assertThat(clause.path("query").asString()).isEqualTo(text);
        assertThat(clause.path("flags").asString()).isEqualTo("PHRASE|WHITESPACE");
        assertThat(clause.path("default_operator").asString()).isEqualTo("and");
        assertThat(clause.path("fields").toString()).isEqualTo("[\"title^2\",\"abstract\"]");
    }

    @Test
    void aLoneStarFindsNothingInsteadOfEverything() {
        JsonNode body = body(provider(Map.of("title", "title"), false, null, null, null)
                .request(new ProviderQuery(" * ", null, null, null, 1, 10, null)));

        assertThat(body.at("/query/bool/must/0").toString()).isEqualTo("{\"match_none\":{}}");
    }

    @Test
    void searchesEachFilterInItsConfiguredPathAndAsksOnlyForTheConfiguredSource() {
        var fields = Map.of("title", "title", "authors", "authors.name", "journal", "meta.journal");
        JsonNode body = body(provider(fields, false, null, null, null)
                .request(new ProviderQuery(null, "Lovelace", "engines", "Nature", 1, 10, null)));

        assertThat(body.at("/query/bool/must").size()).isEqualTo(3);
        assertThat(body.at("/query/bool/must/0/simple_query_string/fields").toString()).isEqualTo("[\"authors.name\"]");
        assertThat(body.at("/query/bool/must/1/simple_query_string/fields").toString()).isEqualTo("[\"title\"]");
        assertThat(body.at("/query/bool/must/2/simple_query_string/fields").toString()).isEqualTo("[\"meta.journal\"]");
        assertThat(body.path("_source").toString()).isEqualTo("[\"authors.name\",\"meta.journal\",\"title\"]");
    }

    @Test
    void offersTheFilterOfEachConfiguredField() {
        assertThat(provider(Map.of("title", "title"), false, null, null, null).capabilities())
                .isEqualTo(new Capabilities(true, false, true, false));
        assertThat(provider(Map.of("title", "t", "authors", "a", "journal", "j"), false, null, null, null).capabilities())
                .isEqualTo(Capabilities.ALL_FIELDS);
    }

    @Test
    void highlightsTheSearchFieldsWithoutTheirBoostsAsPlainText() {
        JsonNode highlight = body(provider(Map.of("title", "title"), true, null, null, null)
                .request(new ProviderQuery("quantum", null, null, null, 1, 10, null))).path("highlight");

        assertThat(highlight.path("fields").propertyNames()).containsExactly("title", "abstract");
        assertThat(highlight.path("pre_tags").toString()).isEqualTo("[\"\"]");
    }

    @Test
    void sendsBasicCredentialsOrTheApiKey() {
        var query = new ProviderQuery("q", null, null, null, 1, 10, null);

        assertThat(provider(Map.of("title", "title"), false, "alice", "pw", null).request(query).headers())
                .containsEntry("Authorization", "Basic YWxpY2U6cHc=");
        assertThat(provider(Map.of("title", "title"), false, null, null, "k3y").request(query).headers())
                .containsEntry("Authorization", "ApiKey k3y");
    }
}
