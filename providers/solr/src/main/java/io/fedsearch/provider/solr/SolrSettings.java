package io.fedsearch.provider.solr;

import io.fedsearch.provider.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A {@code solr} provider's own keys under {@code fedsearch.providers.<id>} (the common keys are the core's).
 * Checked here, so a bad value stops the start with one line naming the key.
 *
 * @param url         the core or collection URL, {@code http(s)://host:port/solr/<core>}; {@code /select} is added
 * @param queryFields edismax {@code qf}: the fields free text is searched in, each with an optional boost
 *                    ({@code title^2})
 * @param fields      hit field -> Solr document field: id, title, url, snippet, authors, published, journal, doi.
 *                    {@code title} is required; {@code id} defaults to {@code id} and must be the core's uniqueKey
 *                    (highlights are keyed by it); author and journal filters are offered only when mapped
 * @param highlight   the snippet is Solr's best passage (plain text) instead of the {@code snippet} field
 * @param username    HTTP basic auth, together with {@code password}
 * @param password    HTTP basic auth, together with {@code username}
 */
public record SolrSettings(
        String url,
        List<String> queryFields,
        Map<String, String> fields,
        @DefaultValue("false") boolean highlight,
        String username,
        String password) {

    static final Set<String> HIT_FIELDS = Set.of("id", "title", "url", "snippet", "published", "authors", "journal", "doi");

    // Field names go into fl, qf, hl.fl and local parameters, so only plain Solr field names are accepted.
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,99}");
    private static final Pattern QUERY_FIELD = Pattern.compile(FIELD.pattern() + "(\\^[0-9]{1,4}(\\.[0-9]{1,4})?)?");

    public SolrSettings {
        url = checkUrl(url);
        if (queryFields == null || queryFields.isEmpty()) {
            throw new InvalidConfigurationException("query-fields", queryFields, "a list of Solr fields such as [title^2, abstract]");
        }
        for (int i = 0; i < queryFields.size(); i++) {
            String field = queryFields.get(i);
            if (field == null || !QUERY_FIELD.matcher(field).matches()) {
                throw new InvalidConfigurationException("query-fields[" + i + "]", field, "a Solr field name with an optional boost such as title^2");
            }
        }
        queryFields = List.copyOf(queryFields);
        var mapped = new LinkedHashMap<String, String>();
        mapped.put("id", "id");
        if (fields != null) {
            fields.forEach((name, field) -> {
                if (!HIT_FIELDS.contains(name)) {
                    throw new InvalidConfigurationException("fields." + name, field, "fields are " + String.join(", ", HIT_FIELDS.stream().sorted().toList()));
                }
                if (field == null || !FIELD.matcher(field).matches()) {
                    throw new InvalidConfigurationException("fields." + name, field, "a Solr field name such as title");
                }
                mapped.put(name, field);
            });
        }
        if (!mapped.containsKey("title")) {
            throw new InvalidConfigurationException("fields.title", null, "a Solr field name such as title");
        }
        fields = Map.copyOf(mapped);
        if (username != null && password == null) {
            throw new InvalidConfigurationException("password", null, "a password, since username is set");
        }
        if (password != null && username == null) {
            throw new InvalidConfigurationException("username", null, "a user name, since password is set");
        }
        if (username != null && username.contains(":")) {
            throw new InvalidConfigurationException("username", username, "a user name without ':' (HTTP basic auth)");
        }
    }

    private static String checkUrl(String url) {
        String expected = "the http(s) URL of a Solr core or collection such as http://localhost:8983/solr/papers";
        if (url == null) {
            throw new InvalidConfigurationException("url", null, expected);
        }
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(trimmed);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                throw new InvalidConfigurationException("url", url, expected);
            }
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("url", url, expected);
        }
        return trimmed;
    }

    /** The Solr field for a hit field, null when not mapped. */
    String field(String hitField) {
        return fields.get(hitField);
    }

    /** The query fields without their boosts. */
    List<String> queryFieldNames() {
        return queryFields.stream().map(f -> f.contains("^") ? f.substring(0, f.indexOf('^')) : f).toList();
    }

    @Override
    public String toString() {
        // never print the password (start-up reports, logs)
        return "SolrSettings[url=" + url + ", queryFields=" + queryFields + ", fields=" + fields + ", highlight="
                + highlight + ", username=" + username + ", password=" + (password == null ? null : "***") + "]";
    }
}
