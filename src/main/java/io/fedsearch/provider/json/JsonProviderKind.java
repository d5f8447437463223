package io.fedsearch.provider.json;

import io.fedsearch.provider.InvalidConfigurationException;
import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.ProviderSettings;
import io.fedsearch.provider.SearchProvider;
import java.net.URI;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.json.JsonMapper;

/** The generic JSON kind: configuration, not code. Checks the template and every pointer at start-up. */
@Component
class JsonProviderKind implements ProviderKind {

    static final Set<String> FIELDS = Set.of("id", "title", "url", "snippet", "published", "authors", "journal", "doi");

    private final JsonMapper json;

    JsonProviderKind(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String type() {
        return "json";
    }

    @Override
    public SearchProvider create(String id, ProviderSettings s) {
        String key = "fedsearch.providers." + id;
        if (s.url() == null || !s.url().contains("{query}")) {
            throw new InvalidConfigurationException(key + ".url", s.url(), "an http(s) URL template containing {query}");
        }
        URI sample = UrlTemplate.expand(s.url(), "q", 1, 10, 0, "u");
        if (sample.getScheme() == null || !sample.getScheme().startsWith("http") || sample.getHost() == null) {
            throw new InvalidConfigurationException(key + ".url", s.url(), "an http(s) URL template containing {query}");
        }
        JsonPointer results = pointer(key + ".results-path", s.resultsPath());
        JsonPointer total = s.totalPath() == null ? null : pointer(key + ".total-path", s.totalPath());
        var fields = new java.util.HashMap<String, JsonPointer>();
        s.fields().forEach((name, path) -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidConfigurationException(key + ".fields." + name, path, "fields are " + String.join(", ", FIELDS));
            }
            fields.put(name, pointer(key + ".fields." + name, path));
        });
        if (!fields.containsKey("title")) {
            throw new InvalidConfigurationException(key + ".fields.title", null, "a JSON Pointer such as /title");
        }
        return new JsonProvider(id, s.url(), s.headers(), results, total, fields, json);
    }

    private static JsonPointer pointer(String key, String value) {
        if (value == null) {
            throw new InvalidConfigurationException(key, null, "a JSON Pointer such as /items");
        }
        try {
            return JsonPointer.compile(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, value, "a JSON Pointer such as /items (RFC 6901)");
        }
    }
}
