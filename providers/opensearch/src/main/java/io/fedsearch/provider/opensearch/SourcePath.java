package io.fedsearch.provider.opensearch;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A dotted {@code _source} path read the way OpenSearch reads field names: {@code meta.journal} is found in
 * {@code {"meta":{"journal":..}}} and in {@code {"meta.journal":..}} alike, and an array on the way is read
 * element by element, so {@code authors.name} over {@code [{"name":"Ada"},{"name":"Bob"}]} gives both names.
 */
record SourcePath(String path, List<String> segments) {

    static SourcePath of(String path) {
        return new SourcePath(path, List.of(path.split("\\.")));
    }

    /** Every scalar at this path in document order; nulls and objects are left out. */
    List<String> values(JsonNode source) {
        var values = new ArrayList<String>();
        collect(source, 0, values);
        return values;
    }

    /** The first scalar at this path, or null. */
    String first(JsonNode source) {
        List<String> values = values(source);
        return values.isEmpty() ? null : values.getFirst();
    }

    private void collect(JsonNode node, int from, List<String> values) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, from, values));
        } else if (from == segments.size()) {
            if (node.isValueNode() && !node.isNull()) {
                values.add(node.asString());
            }
        } else if (node.isObject()) {
            // the next key may itself contain dots: try "a", then "a.b", ...
            for (int to = from + 1; to <= segments.size(); to++) {
                JsonNode child = node.get(String.join(".", segments.subList(from, to)));
                if (child != null) {
                    collect(child, to, values);
                }
            }
        }
    }
}
