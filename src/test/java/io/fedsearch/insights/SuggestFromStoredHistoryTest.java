package io.fedsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.history.testing.JsonUpstream;
import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A restarted (or new) replica suggests from the queries the shared store kept, not only from what it served. */
class SuggestFromStoredHistoryTest {

    @Test
    void suggestsPastQueriesOfTheStoreAfterARestartMostAskedFirst() {
        TestDatabase.Url db = new TestDatabase.H2().create();
        try (var upstream = new JsonUpstream()) {
            var args = new ArrayList<>(db.args());
            args.addAll(upstream.providerArgs("docs"));
            try (var first = TestApp.start(args)) {
                for (String q : List.of("solar neutrinos", "solar neutrinos", "solar neutrinos", "neutron stars")) {
                    assertThat(first.get("/api/v1/search?providers=docs&q=" + q.replace(" ", "%20")).statusCode())
                            .isEqualTo(200);
                }
            }
            try (var second = TestApp.start(args)) {
                String body = second.get("/api/v1/suggest?prefix=neut&limit=5").body();
                assertThat(body).contains("\"text\":\"solar neutrinos\"", "\"text\":\"neutron stars\"");
                assertThat(body.indexOf("solar neutrinos")).isLessThan(body.indexOf("neutron stars"));
            }
        }
    }
}
