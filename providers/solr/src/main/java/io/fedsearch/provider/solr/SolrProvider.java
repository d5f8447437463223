package io.fedsearch.provider.solr;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.HttpSearchProvider;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Solr core or collection, asked with {@code GET {url}/select} and the edismax parser.
 *
 * <p>Free text goes to {@code q} (searched in {@code query-fields}); author, title and journal become filter
 * queries on their mapped fields. Every user text is escaped by {@link SolrQueryText} and sent as a parameter of
 * its own ({@code v=$param} in filters), so it can never add syntax or local parameters. Every word must match
 * ({@code q.op=AND}).
 */
final class SolrProvider implements HttpSearchProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FILTERED = List.of("author", "title", "journal");
    // "org.apache.solr.search.SyntaxError: Query Field 'x' is not a valid field name" -> the part after the class
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*: ");

    private final String id;
    private final SolrSettings settings;
    private final URI select;
    private final Map<String, String> headers;
    private final Capabilities capabilities;

    SolrProvider(String id, SolrSettings settings) {
        this.id = id;
        this.settings = settings;
        this.select = URI.create(settings.url() + "/select");
        var sent = new LinkedHashMap<String, String>();
        sent.put("Accept", "application/json");
        if (settings.username() != null) {
            String pair = settings.username() + ":" + settings.password();
            sent.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        this.headers = Map.copyOf(sent);
        this.capabilities = new Capabilities(true, settings.field("authors") != null, true, settings.field("journal") != null);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return SolrProviderKind.TYPE;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public UpstreamRequest request(ProviderQuery query) {
        var params = new StringJoiner("&");
        param(params, "defType", "edismax");
        if (query.q() != null) {
            param(params, "q", SolrQueryText.escape(query.q()));
        } else {
            param(params, "q.alt", "*:*"); // filters only: every document, narrowed by the fq below
        }
        param(params, "qf", String.join(" ", settings.queryFields()));
        param(params, "q.op", "AND");
        param(params, "lowercaseOperators", "false");
        param(params, "uf", "-*"); // no field:value from users, even if something slipped through escaping
        for (String filter : FILTERED) {
            String value = switch (filter) {
                case "author" -> query.author();
                case "title" -> query.title();
                default -> query.journal();
            };
            if (value != null) {
                String field = settings.field(filter.equals("author") ? "authors" : filter);
                // The text travels in its own parameter; only the validated field name is in the local params.
                param(params, "fq", "{!edismax qf=" + field + " q.op=AND uf=-* lowercaseOperators=false v=$fs." + filter + "}");
                param(params, "fs." + filter, SolrQueryText.escape(value));
            }
        }
        param(params, "start", Integer.toString(query.offset()));
        param(params, "rows", Integer.toString(query.size()));
        param(params, "fl", String.join(",", new LinkedHashSet<>(settings.fields().values())));
        param(params, "wt", "json");
        if (settings.highlight()) {
            param(params, "hl", "true");
            param(params, "hl.method", "unified");
            param(params, "hl.fl", String.join(",", highlightFields()));
            param(params, "hl.snippets", "1");
            param(params, "hl.fragsize", "240");
            // plain text: every provider string is shown as text, so markup would show as literal tags
            param(params, "hl.tag.pre", "");
            param(params, "hl.tag.post", "");
            param(params, "hl.defaultSummary", "true");
        }
        return new UpstreamRequest(URI.create(select + "?" + params), headers);
    }

    private List<String> highlightFields() {
        var fields = new LinkedHashSet<String>();
        if (settings.field("snippet") != null) {
            fields.add(settings.field("snippet"));
        }
        fields.addAll(settings.queryFieldNames());
        return List.copyOf(fields);
    }

    private static void param(StringJoiner params, String name, String value) {
        params.add(encode(name) + "=" + encode(value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public ProviderPage parse(ProviderQuery query, UpstreamResponse response) {
        JsonNode root = startsLikeJsonObject(response.body()) ? JSON.readTree(response.body()) : null;
        String message = root == null ? null : errorMessage(root);
        if (message != null) {
            throw new UpstreamFailureException("Solr: " + message);
        }
        if (response.status() >= 400) {
            throw new UpstreamFailureException(switch (response.status()) {
                // Solr's servlet answers an unknown core with Jetty's error page (HTML, or JSON without error.msg)
                case 404 -> "Solr has no core or collection at " + settings.url() + " (HTTP 404)";
                case 401, 403 -> "Solr refused the credentials (HTTP " + response.status() + ")";
                default -> "Solr answered HTTP " + response.status();
            });
        }
        if (root == null) {
            throw new IllegalStateException("malformed Solr answer: not a JSON object (Content-Type " + response.contentType() + ")");
        }
        JsonNode numFound = root.path("response").path("numFound");
        JsonNode docs = root.path("response").path("docs");
        if (!numFound.isIntegralNumber() || !docs.isArray()) {
            throw new IllegalStateException("malformed Solr answer: no response.numFound and response.docs");
        }
        JsonNode highlighting = root.path("highlighting");
        var hits = new ArrayList<SearchHit>();
        for (JsonNode doc : docs) {
            String docId = first(doc, "id");
            String snippet = settings.highlight() && docId != null ? highlight(highlighting.path(docId)) : null;
            if (snippet == null) {
                snippet = first(doc, "snippet");
            }
            hits.add(new SearchHit(docId, first(doc, "title"), first(doc, "url"), snippet, all(doc, "authors"),
                    first(doc, "published"), first(doc, "journal"), first(doc, "doi")));
        }
        return new ProviderPage(numFound.longValue(), hits);
    }

    /** Solr's own {@code error.msg}, without the Java exception class it often starts with; null when none. */
    private static String errorMessage(JsonNode root) {
        JsonNode msg = root.path("error").path("msg");
        if (!msg.isString() || msg.asString().isBlank()) {
            return null;
        }
        return EXCEPTION_PREFIX.matcher(msg.asString().strip()).replaceFirst("");
    }

    private static boolean startsLikeJsonObject(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private String highlight(JsonNode byField) {
        for (String field : highlightFields()) {
            for (JsonNode passage : byField.path(field)) {
                if (passage.isString() && !passage.asString().isBlank()) {
                    return passage.asString().strip();
                }
            }
        }
        return null;
    }

    /** The hit field's value; a multi-valued field gives its first value. */
    private String first(JsonNode doc, String hitField) {
        List<String> values = all(doc, hitField);
        return values.isEmpty() ? null : values.getFirst();
    }

    private List<String> all(JsonNode doc, String hitField) {
        String field = settings.field(hitField);
        if (field == null) {
            return List.of();
        }
        JsonNode node = doc.path(field);
        var values = new ArrayList<String>();
        if (node.isArray()) {
            node.forEach(value -> addValue(values, value));
        } else {
            addValue(values, node);
        }
        return values;
    }

    private static void addValue(List<String> values, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            values.add(value.asString());
        }
    }
}
