package io.fedsearch.provider.json;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.HttpSearchProvider;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A provider defined by configuration: a URL template, a pointer to the results array and one per field. */
final class JsonProvider implements HttpSearchProvider {

    private final String id;
    private final String urlTemplate;
    private final Map<String, String> headers;
    private final JsonPointer results;
    private final JsonPointer total;
    private final Map<String, JsonPointer> fields;
    private final JsonMapper json;

    JsonProvider(String id, String urlTemplate, Map<String, String> headers, JsonPointer results, JsonPointer total,
                 Map<String, JsonPointer> fields, JsonMapper json) {
        this.id = id;
        this.urlTemplate = urlTemplate;
        this.headers = Map.copyOf(headers);
        this.results = results;
        this.total = total;
        this.fields = Map.copyOf(fields);
        this.json = json;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "json";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.FREE_TEXT_ONLY;
    }

    @Override
    public UpstreamRequest request(ProviderQuery query) {
        var sent = new LinkedHashMap<String, String>();
        String user = query.userId() == null ? "" : query.userId();
        headers.forEach((name, value) -> sent.put(name, value.replace("{user}", user)));
        var uri = UrlTemplate.expand(urlTemplate, query.q(), query.page(), query.size(), query.offset(), query.userId());
        return new UpstreamRequest(uri, sent);
    }

    @Override
    public ProviderPage parse(ProviderQuery query, UpstreamResponse response) {
        JsonNode root = json.readTree(response.body());
        JsonNode items = root.at(results);
        if (!items.isArray()) {
            throw new IllegalStateException("no array at results-path " + results);
        }
        var hits = new ArrayList<SearchHit>();
        for (JsonNode item : items) {
            hits.add(new SearchHit(text(item, "id"), text(item, "title"), text(item, "url"), text(item, "snippet"),
                    authors(item), text(item, "published"), text(item, "journal"), text(item, "doi")));
        }
        Long count = null;
        if (total != null && root.at(total).isNumber()) {
            count = root.at(total).longValue();
        }
        return new ProviderPage(count, hits);
    }

    private String text(JsonNode item, String field) {
        JsonPointer pointer = fields.get(field);
        if (pointer == null) {
            return null;
        }
        JsonNode node = item.at(pointer);
        return node.isValueNode() && !node.isNull() ? node.asString() : null;
    }

    private List<String> authors(JsonNode item) {
        JsonPointer pointer = fields.get("authors");
        if (pointer == null) {
            return List.of();
        }
        JsonNode node = item.at(pointer);
        if (node.isArray()) {
            var names = new ArrayList<String>();
            node.forEach(n -> {
                if (n.isValueNode() && !n.isNull()) names.add(n.asString());
            });
            return names;
        }
        return node.isValueNode() && !node.isNull() ? List.of(node.asString()) : List.of();
    }
}
