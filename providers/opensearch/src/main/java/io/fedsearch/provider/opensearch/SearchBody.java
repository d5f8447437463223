package io.fedsearch.provider.opensearch;

import io.fedsearch.provider.ProviderQuery;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code _search} body for one query, as a JSON tree: the caller's text only ever becomes a JSON string
 * value, never part of the body's syntax.
 *
 * <p>Each given field (q, author, title, journal) is one {@code simple_query_string} clause, all required. That
 * query type cannot fail on its syntax, and with {@code flags: PHRASE|WHITESPACE} the only syntax it honours is
 * the double quote: {@code "error correction"} is a phrase, while {@code + - | * ~ ( ) \ :}, {@code AND}/{@code OR}
 * and field prefixes such as {@code title:x} are plain text, which the analyzer then splits or drops. So a query
 * full of special characters finds the text it spells or nothing, and an unbalanced quote is no error. The one
 * exception, a lone {@code *}, which Lucene reads as "everything", becomes {@code match_none}.
 * {@code default_operator: and}: every word must match (somewhere in the search fields for q); {@code lenient}
 * keeps a text query on a numeric or date search field from failing the whole search.
 */
final class SearchBody {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int FRAGMENT_SIZE = 200;

    private final List<String> searchFields;
    private final Map<String, SourcePath> paths;
    private final List<String> highlightFields;

    /**
     * @param highlightFields the fields whose passages may become the snippet; empty = no highlighting
     */
    SearchBody(List<String> searchFields, Map<String, SourcePath> paths, List<String> highlightFields) {
        this.searchFields = List.copyOf(searchFields);
        this.paths = Map.copyOf(paths);
        this.highlightFields = List.copyOf(highlightFields);
    }

    ObjectNode build(ProviderQuery query) {
        ObjectNode body = NODES.objectNode();
        body.put("from", query.offset());
        body.put("size", query.size());
        // exact totals, not the default lower bound of 10,000
        body.put("track_total_hits", true);
        ArrayNode source = body.putArray("_source");
        paths.values().stream().map(SourcePath::path).distinct().sorted().forEach(source::add);

        ArrayNode must = body.putObject("query").putObject("bool").putArray("must");
        if (query.q() != null) must.add(text(query.q(), searchFields));
        if (query.author() != null) must.add(text(query.author(), List.of(paths.get("authors").path())));
        if (query.title() != null) must.add(text(query.title(), List.of(paths.get("title").path())));
        if (query.journal() != null) must.add(text(query.journal(), List.of(paths.get("journal").path())));

        if (!highlightFields.isEmpty()) {
            ObjectNode highlight = body.putObject("highlight");
            // plain text: a hit's snippet is text in our API, and tags around unescaped document text would be HTML
            // nobody escaped
            highlight.putArray("pre_tags").add("");
            highlight.putArray("post_tags").add("");
            highlight.put("fragment_size", FRAGMENT_SIZE);
            highlight.put("number_of_fragments", 1);
            ObjectNode fields = highlight.putObject("fields");
            highlightFields.forEach(fields::putObject);
        }
        return body;
    }

    private static ObjectNode text(String text, List<String> fields) {
        ObjectNode clause = NODES.objectNode();
        if (text.trim().equals("*")) {
            // Lucene's simple query parser reads a lone * as "match everything", whatever the flags
            clause.putObject("match_none");
            return clause;
        }
        ObjectNode sqs = clause.putObject("simple_query_string");
        sqs.put("query", text);
        if (!fields.isEmpty()) {
            ArrayNode names = sqs.putArray("fields");
            fields.forEach(names::add);
        }
        sqs.put("default_operator", "and");
        sqs.put("flags", "PHRASE|WHITESPACE");
        sqs.put("lenient", true);
        return clause;
    }
}
