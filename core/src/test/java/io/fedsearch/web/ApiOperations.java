package io.fedsearch.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The operations of /v3/api-docs as the tests need them: method, path, parameters and the JSON body's fields. */
record ApiOperations(List<Operation> all, JsonNode document) {

    /** One parameter: where it goes (query, path), its name and its schema type (string, integer, boolean, array). */
    record Parameter(String in, String name, String type) {
    }

    /** An operation; {@code bodyFields} maps each JSON body field to its schema type, empty when it takes no body. */
    record Operation(String method, String path, List<Parameter> parameters, Map<String, String> bodyFields,
                     boolean hasBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static ApiOperations of(JsonNode document) {
        var all = new ArrayList<Operation>();
        for (var path : document.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                var parameters = new ArrayList<Parameter>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    parameters.add(new Parameter(p.path("in").asString(), p.path("name").asString(),
                            type(document, p.path("schema"))));
                }
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                var fields = new LinkedHashMap<String, String>();
                for (var field : resolve(document, body).path("properties").properties()) {
                    fields.put(field.getKey(), type(document, field.getValue()));
                }
                all.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters, fields,
                        !body.isMissingNode()));
            }
        }
        return new ApiOperations(List.copyOf(all), document);
    }

    static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** The schema's type; OpenAPI 3.1 may give a list (["integer", "null"]) or only a $ref (an object). */
    static String type(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        JsonNode type = resolved.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) return t.asString();
            }
        }
        if (type.isString()) return type.asString();
        return resolved.has("properties") || resolved.has("additionalProperties") ? "object" : "string";
    }
}
