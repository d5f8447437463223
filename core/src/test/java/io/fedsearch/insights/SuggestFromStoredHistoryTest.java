package io.fedsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedsearch.history.testing.JsonUpstream;
import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A restarted (or new) replica suggests from the queries the shared store kept, and running replicas learn from each
 * other's searches through it, not only from what they served.
 */
class SuggestFromStoredHistoryTest {

    @Test
    void suggestsPastQueriesOfTheStoreAfterARestartMostAskedFirst() {
        try (var upstream = new JsonUpstream()) {
            var args = appArgs(new TestDatabase.H2().create(), upstream);
            try (var first = TestApp.start(args)) {
                for (String q : List.of("solar neutrinos", "solar neutrinos", "solar neutrinos", "neutron stars")) {
                    assertThat(first.get("/api/v1/search?providers=docs&q=" + q.replace(" ", "%20")).statusCode())
                            .isEqualTo(200);
                }
            }
            try (var second = TestApp.start(args)) {
                // The stored history is read in the background once the app is ready (off the start-up path).
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    String body = second.get("/api/v1/suggest?prefix=neut&limit=5").body();
                    assertThat(body).contains("\"text\":\"solar neutrinos\"", "\"text\":\"neutron stars\"");
                    assertThat(body.indexOf("solar neutrinos")).isLessThan(body.indexOf("neutron stars"));
                });
            }
        }
    }

    @Test
    void twoReplicasOnOneDatabaseSuggestEachOthersQueriesCountedOnce() {
        try (var upstream = new JsonUpstream()) {
            var args = appArgs(new TestDatabase.Postgres().create(), upstream,
                    "--fedsearch.insights.suggest-refresh=100ms", "--fedsearch.insights.suggest-sync=100ms");
            try (var first = TestApp.start(args); var second = TestApp.start(args)) {
                assertThat(first.get("/api/v1/search?providers=docs&q=gravitational%20waves").statusCode())
                        .isEqualTo(200);

                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(score(second, "gravit", "gravitational waves")).isNotNull());
                // Asked once: the score of one ask, on the replica that served it (which also reads it back from
                // the store) and on the other one.
                assertThat(score(second, "gravit", "gravitational waves")).isCloseTo(1.0, within(0.01));
                assertThat(score(first, "gravit", "gravitational waves")).isCloseTo(1.0, within(0.01));
            }
        }
    }

    @Test
    void onlyADatabaseOtherReplicasCanReachIsSynced() {
        assertThat(SuggestService.sharedByReplicas("jdbc:h2:file:./data/fedsearch;DB_CLOSE_ON_EXIT=FALSE")).isFalse();
        assertThat(SuggestService.sharedByReplicas("jdbc:h2:mem:test")).isFalse();
        assertThat(SuggestService.sharedByReplicas("jdbc:h2:file:./data/x;AUTO_SERVER=TRUE")).isTrue();
        assertThat(SuggestService.sharedByReplicas("jdbc:h2:tcp://db:9092/fedsearch")).isTrue();
        assertThat(SuggestService.sharedByReplicas("jdbc:postgresql://db:5432/fedsearch")).isTrue();
    }

    /** The app on {@code db}, with one provider "docs" answered by {@code upstream}. */
    private static List<String> appArgs(TestDatabase.Url db, JsonUpstream upstream, String... extra) {
        var args = new ArrayList<>(db.args());
        args.addAll(upstream.providerArgs("docs"));
        args.addAll(List.of(extra));
        return args;
    }

    private static Double score(TestApp app, String prefix, String text) {
        JsonNode body = JSON.readTree(app.get("/api/v1/suggest?prefix=" + prefix).body());
        for (JsonNode s : body.get("suggestions")) {
            if (s.get("text").asString().equals(text)) return s.get("score").asDouble();
        }
        return null;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
