package io.fedsearch.provider.opensearch;

import io.fedsearch.provider.UpstreamResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads OpenSearch's own account of a failed search: {@code {"error": {"reason": ..., "root_cause": [...]}, "status": N}}
 * (or {@code {"error": "..."}} from proxies and older versions).
 */
final class ErrorAnswer {

    private static final int MAX_REASON = 300;

    private ErrorAnswer() {
    }

    /** "OpenSearch answered HTTP 404: no such index [x]", or just the status when the body says nothing readable. */
    static String describe(UpstreamResponse response, JsonMapper json) {
        String prefix = "OpenSearch answered HTTP " + response.status();
        if (response.contentType() == null || !response.contentType().contains("json")) {
            return prefix;
        }
        String reason = reason(json.readTree(response.body()).path("error"));
        if (reason == null || reason.isBlank()) {
            return prefix;
        }
        return prefix + ": " + (reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason);
    }

    private static String reason(JsonNode error) {
        if (error.isString()) {
            return error.asString();
        }
        String reason = error.path("reason").isString() ? error.path("reason").asString() : null;
        // "all shards failed" says little; the first root cause says why
        JsonNode root = error.path("root_cause").path(0).path("reason");
        if (root.isString() && !root.asString().equals(reason)) {
            return reason == null ? root.asString() : reason + ": " + root.asString();
        }
        return reason;
    }
}
