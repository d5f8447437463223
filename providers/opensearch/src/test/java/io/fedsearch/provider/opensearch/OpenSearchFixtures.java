package io.fedsearch.provider.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Creates the {@code papers} index from src/test/resources/opensearch and indexes its documents, searchable at once. */
final class OpenSearchFixtures {

    private OpenSearchFixtures() {
    }

    static void load(OpenSearchNode node) {
        node.expect(200, node.call("PUT", "/" + OpenSearchNode.INDEX, resource("papers-index.json")));
        String answer = node.expect(200, node.call("POST", "/_bulk?refresh=true", resource("papers.ndjson"))).body();
        if (!answer.contains("\"errors\":false")) {
            throw new IllegalStateException("indexing the fixtures failed: " + answer);
        }
    }

    private static String resource(String name) {
        try (InputStream in = OpenSearchFixtures.class.getResourceAsStream("/opensearch/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
