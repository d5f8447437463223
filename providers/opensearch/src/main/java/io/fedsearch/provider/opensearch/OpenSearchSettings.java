package io.fedsearch.provider.opensearch;

import io.fedsearch.provider.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys of an {@code opensearch} provider under {@code fedsearch.providers.<id>} (OpenSearch, or Elasticsearch's
 * compatible {@code _search}). Checked when bound: a bad value stops the start with one line naming the key.
 *
 * @param url          the cluster's base URL, http or https, e.g. {@code http://localhost:9200}; a path prefix
 *                     (a cluster behind a reverse proxy) is kept. Required.
 * @param index        what to search: an index, alias, pattern or comma list, e.g. {@code papers} or
 *                     {@code papers-*,books}. Required.
 * @param searchFields the fields {@code q} is searched in, each optionally boosted ({@code title^2}); empty = the
 *                     index's default fields ({@code index.query.default_field}, all fields unless set)
 * @param fields       hit field to {@code _source} path (dotted: through objects, dotted keys and arrays): id,
 *                     title (required), url, snippet, authors, published, journal, doi. Without id the document's
 *                     {@code _id} is the hit id. authors and journal, when given, make the fielded filters of the
 *                     same name available, searched in that path.
 * @param highlight    true = the snippet is OpenSearch's best matching passage of the search fields, as plain text,
 *                     falling back to {@code fields.snippet} when no passage matched
 * @param username     HTTP Basic user; needs {@code password}
 * @param password     HTTP Basic password; needs {@code username}
 * @param apiKey       sent as {@code Authorization: ApiKey <api-key>}; not together with username/password
 */
public record OpenSearchSettings(
        String url,
        String index,
        List<String> searchFields,
        Map<String, String> fields,
        @DefaultValue("false") boolean highlight,
        String username,
        String password,
        String apiKey) {

    static final Set<String> FIELDS = Set.of("id", "title", "url", "snippet", "authors", "published", "journal", "doi");

    // Lowercase like OpenSearch's own names; '*' and ',' for patterns and lists, ':' for cross-cluster names.
    // Nothing that could leave the path segment ('/', '?', '#', '%', spaces).
    private static final Pattern INDEX = Pattern.compile("[a-z0-9*][a-z0-9._*,:+-]{0,254}");
    private static final Pattern SEARCH_FIELD = Pattern.compile("[^\\s^,]+(\\^\\d+(\\.\\d+)?)?");
    private static final Pattern SOURCE_PATH = Pattern.compile("[^\\s.]+(\\.[^\\s.]+)*");
    private static final String HIDDEN = "(hidden)";

    public OpenSearchSettings {
        url = checkUrl(url);
        if (index == null || !INDEX.matcher(index).matches()) {
            throw new InvalidConfigurationException("index", index,
                    "an index, alias or pattern of lowercase letters, digits and . _ - + * , : (e.g. papers or papers-*)");
        }
        searchFields = searchFields == null ? List.of() : List.copyOf(searchFields);
        for (int i = 0; i < searchFields.size(); i++) {
            if (!SEARCH_FIELD.matcher(searchFields.get(i)).matches()) {
                throw new InvalidConfigurationException("search-fields[" + i + "]", searchFields.get(i),
                        "a field name, optionally boosted, such as title or title^2");
            }
        }
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        fields.forEach((name, path) -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidConfigurationException("fields." + name, path,
                        "fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
            if (!SOURCE_PATH.matcher(path).matches()) {
                throw new InvalidConfigurationException("fields." + name, path, "a _source path such as title or meta.journal");
            }
        });
        if (!fields.containsKey("title")) {
            throw new InvalidConfigurationException("fields.title", null, "a _source path such as title");
        }
        checkCredentials(username, password, apiKey);
    }

    /** Where the search is sent: {@code {url}/{index}/_search}. */
    URI searchUri() {
        return URI.create(url + "/" + index + "/_search");
    }

    private static String checkUrl(String url) {
        String expected = "the cluster's http(s) URL, such as http://localhost:9200";
        if (url == null) {
            throw new InvalidConfigurationException("url", null, expected);
        }
        try {
            URI uri = new URI(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidConfigurationException("url", url, expected);
            }
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("url", url, expected);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // Secrets never appear in the error line; only whether they were set.
    private static void checkCredentials(String username, String password, String apiKey) {
        if (username != null && (username.isBlank() || username.contains(":"))) {
            throw new InvalidConfigurationException("username", username, "a user name without ':' (HTTP Basic)");
        }
        if (username != null && password == null) {
            throw new InvalidConfigurationException("password", null, "a password, since username is set");
        }
        if (password != null && username == null) {
            throw new InvalidConfigurationException("username", null, "a user name, since password is set");
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new InvalidConfigurationException("api-key", apiKey, "a key, or no api-key at all");
        }
        if (apiKey != null && username != null) {
            throw new InvalidConfigurationException("api-key", HIDDEN, "either api-key or username/password, not both");
        }
    }
}
