package io.fedsearch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.access.Http;
import io.fedsearch.history.QueryRecord.ProviderSummary;
import io.fedsearch.history.QueryRecord.ResultRow;
import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code fedsearch.compat.history}: who reads the seed's /queries and /results. */
class CompatHistoryExposureTest {

    private static final String ADMIN = "fs_compat-admin-key-00000000000000000000";
    private static final Instant T = Instant.parse("2021-03-04T05:06:07Z");
    private static final String RANGE = "/queries?start_timestamp=2021-03-04T00:00:00&end_timestamp=2021-03-04T23:59:59";

    private static TestApp start(String exposure) {
        var args = new ArrayList<>(new TestDatabase.H2().create().args());
        args.add("--FEDSEARCH_ADMIN_KEY=" + ADMIN);
        args.add("--fedsearch.compat.history=" + exposure);
        return TestApp.start(args);
    }

    /** An arXiv call with one result by {@code principal}; waits until it is stored. */
    private static void arxivQuery(TestApp app, String principal, String title) {
        QueryLog log = app.bean(QueryLog.class);
        String uri = "https://export.arxiv.org/api/query?search_query=ti%3A" + title;
        var summary = new ProviderSummary("arxiv", "arxiv", "ok", 12, 1L, 1, null, uri, 200);
        long id = log.nextId();
        log.append(new QueryRecord(id, T, principal, "api", title, null, null, null, List.of(summary), 15,
                List.of(new ResultRow("arxiv", 1, "a" + id, title, "u", List.of("A"), null, null, null))));
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(app.bean(JdbcTemplate.class)
                .queryForObject("SELECT count(*) FROM queries WHERE query_id = ?", Long.class, id)).isEqualTo(1));
    }

    @Test
    void publicShowsOnlyAnonymousQueriesAndKeyShowsTheCallersOwnAndOffIsNotFound() {
        try (TestApp app = start("public")) {
            arxivQuery(app, "anonymous", "openly");
            arxivQuery(app, "alice", "privately");
            var http = new Http(app.base());
            String alice = http.createKey(ADMIN, Map.of("principal", "alice")).get("key").asString();
            for (String key : new String[] {null, alice, ADMIN}) {
                assertThat(http.get(RANGE, key).body()).contains("openly").doesNotContain("privately");
                assertThat(http.get("/results", key).body()).contains("openly").doesNotContain("privately");
            }
        }
        try (TestApp app = start("key")) {
            arxivQuery(app, "anonymous", "openly");
            arxivQuery(app, "alice", "privately");
            var http = new Http(app.base());
            String alice = http.createKey(ADMIN, Map.of("principal", "alice")).get("key").asString();
            var anonymous = http.get(RANGE, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(http.get("/results", null).statusCode()).isEqualTo(401);
            assertThat(http.get(RANGE, alice).body()).contains("privately").doesNotContain("openly");
            assertThat(http.get("/results", alice).body()).contains("privately").doesNotContain("openly");
            assertThat(http.get("/results", ADMIN).body()).contains("privately", "openly");
        }
        try (TestApp app = start("off")) {
            var http = new Http(app.base());
            assertThat(http.get(RANGE, ADMIN).statusCode()).isEqualTo(404);
            assertThat(http.send("POST", "/queries", null, Map.of("start_timestamp", "2021-03-04T00:00:00",
                    "end_timestamp", "2021-03-04T23:59:59")).statusCode()).isEqualTo(404);
            assertThat(http.get("/results", null).body()).isEqualTo("{\"detail\":\"Not Found\"}");
        }
    }

    @Test
    void anUnknownExposureStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> start("everyone").close()).hasStackTraceContaining("fedsearch.compat.history");
    }
}
