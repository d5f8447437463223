package io.fedsearch.provider.opensearch;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.HttpSearchProvider;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One {@code POST {url}/{index}/_search} per query; hits read from {@code _source} through the configured paths. */
final class OpenSearchProvider implements HttpSearchProvider {

    // the upstream's wire format, independent of how the application configures its own mapper
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String id;
    private final URI searchUri;
    private final Map<String, String> headers;
    private final Map<String, SourcePath> paths;
    private final SearchBody body;
    private final List<String> highlightFields;
    private final Capabilities capabilities;

    OpenSearchProvider(String id, OpenSearchSettings settings) {
        this.id = id;
        this.searchUri = settings.searchUri();
        this.headers = headers(settings);
        var paths = new LinkedHashMap<String, SourcePath>();
        settings.fields().forEach((field, path) -> paths.put(field, SourcePath.of(path)));
        this.paths = Map.copyOf(paths);
        this.highlightFields = settings.highlight() ? highlightFields(settings.searchFields()) : List.of();
        this.body = new SearchBody(settings.searchFields(), paths, highlightFields);
        this.capabilities = new Capabilities(true, paths.containsKey("authors"), true, paths.containsKey("journal"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "opensearch";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public UpstreamRequest request(ProviderQuery query) {
        return UpstreamRequest.postJson(searchUri, headers, JSON.writeValueAsBytes(body.build(query)));
    }

    @Override
    public ProviderPage parse(ProviderQuery query, UpstreamResponse response) {
        if (response.status() >= 400) {
            throw new UpstreamFailureException(ErrorAnswer.describe(response, JSON));
        }
        JsonNode root = JSON.readTree(response.body());
        JsonNode hits = root.path("hits").path("hits");
        if (!hits.isArray()) {
            throw new IllegalStateException("OpenSearch's answer has no hits.hits array");
        }
        var found = new ArrayList<SearchHit>();
        for (JsonNode hit : hits) {
            found.add(hit(hit));
        }
        return new ProviderPage(total(root.path("hits").path("total")), found);
    }

    private SearchHit hit(JsonNode hit) {
        JsonNode source = hit.path("_source");
        String hitId = paths.containsKey("id") ? first(source, "id") : textOrNull(hit.path("_id"));
        String snippet = highlightFields.isEmpty() ? null : passage(hit.path("highlight"));
        if (snippet == null) {
            snippet = first(source, "snippet");
        }
        List<String> authors = paths.containsKey("authors") ? paths.get("authors").values(source) : List.of();
        return new SearchHit(hitId, first(source, "title"), first(source, "url"), snippet, authors,
                first(source, "published"), first(source, "journal"), first(source, "doi"));
    }

    /**
     * The first passage from a field other than the title: a title passage would only repeat the title, so then
     * the snippet falls back to fields.snippet.
     */
    private String passage(JsonNode highlight) {
        String titlePath = paths.get("title").path();
        for (var entry : highlight.properties()) {
            JsonNode fragments = entry.getValue();
            if (!entry.getKey().equals(titlePath) && fragments.isArray() && !fragments.isEmpty()) {
                return fragments.get(0).asString();
            }
        }
        return null;
    }

    private String first(JsonNode source, String field) {
        SourcePath path = paths.get(field);
        return path == null ? null : path.first(source);
    }

    private static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asString() : null;
    }

    // {"value": 42, "relation": "eq"} since Elasticsearch 7 and in OpenSearch; a bare number before
    private static Long total(JsonNode total) {
        if (total.isObject() && total.path("value").isNumber()) return total.path("value").longValue();
        if (total.isNumber()) return total.longValue();
        return null;
    }

    private static List<String> highlightFields(List<String> searchFields) {
        if (searchFields.isEmpty()) return List.of("*");
        return searchFields.stream().map(field -> field.replaceFirst("\\^.*$", "")).distinct().toList();
    }

    private static Map<String, String> headers(OpenSearchSettings settings) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Accept", "application/json");
        if (settings.username() != null) {
            String pair = settings.username() + ":" + settings.password();
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else if (settings.apiKey() != null) {
            headers.put("Authorization", "ApiKey " + settings.apiKey());
        }
        return headers;
    }
}
