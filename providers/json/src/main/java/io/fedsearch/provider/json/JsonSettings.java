package io.fedsearch.provider.json;

import io.fedsearch.provider.InvalidConfigurationException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonPointer;

/**
 * A {@code json} provider's own keys under {@code fedsearch.providers.<id>}, checked when bound.
 *
 * @param url         URL template with {query}, {page}, {size}, {offset}, {user} (each URL-encoded); required
 * @param resultsPath JSON Pointer to the array of results; required
 * @param totalPath   JSON Pointer to the total count; null = the upstream gives none
 * @param fields      JSON Pointers inside one item: title (required), url, snippet, published, id, authors, journal, doi
 * @param headers     sent with every call, {user} replaced by the caller's id at the provider
 */
public record JsonSettings(String url, String resultsPath, String totalPath, Map<String, String> fields,
                           Map<String, String> headers) {

    static final Set<String> FIELDS = Set.of("id", "title", "url", "snippet", "published", "authors", "journal", "doi");

    public JsonSettings {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (url == null || !url.contains("{query}") || !isHttp(UrlTemplate.expand(url, "q", 1, 10, 0, "u"))) {
            throw new InvalidConfigurationException("url", url, "an http(s) URL template containing {query}");
        }
        pointer("results-path", resultsPath);
        if (totalPath != null) pointer("total-path", totalPath);
        fields.forEach((name, path) -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidConfigurationException("fields." + name, path, "fields are " + String.join(", ", FIELDS));
            }
            pointer("fields." + name, path);
        });
        if (!fields.containsKey("title")) {
            throw new InvalidConfigurationException("fields.title", null, "a JSON Pointer such as /title");
        }
    }

    private static boolean isHttp(URI sample) {
        return sample.getScheme() != null && sample.getScheme().startsWith("http") && sample.getHost() != null;
    }

    static JsonPointer pointer(String key, String value) {
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
