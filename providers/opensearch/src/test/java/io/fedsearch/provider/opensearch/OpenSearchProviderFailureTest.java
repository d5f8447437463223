package io.fedsearch.provider.opensearch;

import static io.fedsearch.provider.opensearch.UpstreamSender.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamFailureException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a failed search becomes: OpenSearch's own reason where it gives one (an UpstreamFailureException, shown as
 * the provider's error), else an exception naming what was wrong with the answer. 429 and 5xx never reach the
 * provider: the core reports them.
 */
@ExtendWith(OpenSearchNodeExtension.class)
class OpenSearchProviderFailureTest {

    private static final ProviderQuery QUANTUM = new ProviderQuery("quantum", null, null, null, 1, 10, null);

    private final OpenSearchNode node;

    OpenSearchProviderFailureTest(OpenSearchNode node) {
        this.node = node;
    }

    private static OpenSearchProvider provider(URI url, String index, String username, String password, String apiKey) {
        return new OpenSearchProvider("papers", new OpenSearchSettings(url.toString(), index, List.of("title", "abstract"),
                OpenSearchProviderSearchTest.FIELDS, false, username, password, apiKey));
    }

    @Test
    void aMissingIndexIsReportedWithOpenSearchsReason() {
        var provider = provider(node.url(), "no-such-index", null, null, null);

        assertThatThrownBy(() -> search(provider, QUANTUM)).isInstanceOf(UpstreamFailureException.class)
                .hasMessage("OpenSearch answered HTTP 404: no such index [no-such-index]");
    }

    @Test
    void aRejectedSearchIsReportedWithOpenSearchsReason() {
        // from + size past index.max_result_window (10,000): OpenSearch answers 400 and says why
        var provider = provider(node.url(), OpenSearchNode.INDEX, null, null, null);
        var farPage = new ProviderQuery("quantum", null, null, null, 1000, 100, null);

        assertThatThrownBy(() -> search(provider, farPage)).isInstanceOf(UpstreamFailureException.class)
                .hasMessageStartingWith("OpenSearch answered HTTP 400: ")
                .hasMessageContaining("Result window is too large");
    }

    @Test
    void sendsBasicCredentialsAndIsLetIn() {
        try (var secured = LocalUpstream.guarding(node, "Basic YWxpY2U6czNjcsOrdDpwdw==")) {
            var page = search(provider(secured.url(), OpenSearchNode.INDEX, "alice", "s3crët:pw", null), QUANTUM);

            assertThat(secured.lastAuthorization()).isEqualTo("Basic YWxpY2U6czNjcsOrdDpwdw==");
            assertThat(page.total()).isEqualTo(2);
        }
    }

    @Test
    void sendsTheApiKeyAndIsLetIn() {
        try (var secured = LocalUpstream.guarding(node, "ApiKey a2V5LWlkOnNlY3JldA==")) {
            var page = search(provider(secured.url(), OpenSearchNode.INDEX, null, null, "a2V5LWlkOnNlY3JldA=="), QUANTUM);

            assertThat(secured.lastAuthorization()).isEqualTo("ApiKey a2V5LWlkOnNlY3JldA==");
            assertThat(page.total()).isEqualTo(2);
        }
    }

    @Test
    void wrongCredentialsAreReportedAsTheUpstreamsRefusal() {
        try (var secured = LocalUpstream.guarding(node, "ApiKey right")) {
            var provider = provider(secured.url(), OpenSearchNode.INDEX, "alice", "wrong", null);

            assertThatThrownBy(() -> search(provider, QUANTUM)).isInstanceOf(UpstreamFailureException.class)
                    .hasMessage("OpenSearch answered HTTP 401");
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsAMalformedAnswer() {
        try (var upstream = LocalUpstream.canned(200, "text/html", "<html><body>maintenance</body></html>")) {
            var provider = provider(upstream.url(), OpenSearchNode.INDEX, null, null, null);

            assertThatThrownBy(() -> search(provider, QUANTUM)).isInstanceOf(RuntimeException.class)
                    .isNotInstanceOf(UpstreamFailureException.class);
        }
    }

    @Test
    void jsonWithoutHitsIsAMalformedAnswer() {
        try (var upstream = LocalUpstream.canned(200, "application/json", "{\"took\": 3, \"timed_out\": false}")) {
            var provider = provider(upstream.url(), OpenSearchNode.INDEX, null, null, null);

            assertThatThrownBy(() -> search(provider, QUANTUM)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("OpenSearch's answer has no hits.hits array");
        }
    }

    @Test
    void aFailureOfEveryShardNamesItsRootCause() {
        String body = """
                {"error":{"root_cause":[{"type":"query_shard_exception","reason":"failed to create query: For input string: \\"x\\"","index":"papers"}],
                 "type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true},"status":400}""";
        try (var upstream = LocalUpstream.canned(400, "application/json; charset=UTF-8", body)) {
            var provider = provider(upstream.url(), OpenSearchNode.INDEX, null, null, null);

            assertThatThrownBy(() -> search(provider, QUANTUM)).isInstanceOf(UpstreamFailureException.class)
                    .hasMessage("OpenSearch answered HTTP 400: all shards failed: failed to create query: For input string: \"x\"");
        }
    }

    @Test
    void anErrorGivenAsPlainStringIsShownAsItIs() {
        String body = "{\"error\":\"Incorrect HTTP method for uri [/papers/_search] and method [PUT], allowed: [POST, GET]\",\"status\":405}";
        try (var upstream = LocalUpstream.canned(405, "application/json", body)) {
            var provider = provider(upstream.url(), OpenSearchNode.INDEX, null, null, null);

            assertThatThrownBy(() -> search(provider, QUANTUM)).isInstanceOf(UpstreamFailureException.class)
                    .hasMessage("OpenSearch answered HTTP 405: Incorrect HTTP method for uri [/papers/_search] and method [PUT], allowed: [POST, GET]");
        }
    }
}
