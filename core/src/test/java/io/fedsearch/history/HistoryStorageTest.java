package io.fedsearch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.history.QueryRecord.ProviderSummary;
import io.fedsearch.history.QueryRecord.ResultRow;
import io.fedsearch.history.testing.JsonUpstream;
import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query history end to end on one database kind; run on H2 and on a real PostgreSQL by the subclasses.
 * One app is shared by the tests that need no restart; each looks only at its own queries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HistoryStorageTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** History is per principal: these tests read everyone's with the admin key. */
    static final String ADMIN = "fs_history-admin-key-00000000000000000000";

    private final JsonUpstream upstream = new JsonUpstream();
    private TestApp app;

    abstract TestDatabase database();

    TestApp start(TestDatabase.Url db, String... extra) {
        var args = new ArrayList<>(db.args());
        args.addAll(upstream.providerArgs("docs"));
        args.add("--FEDSEARCH_ADMIN_KEY=" + ADMIN);
        // The tests read with the admin key, as fast as the anonymous searches.
        args.add("--fedsearch.access.default-per-second=100000");
        args.add("--fedsearch.access.default-per-hour=10000000");
        args.addAll(List.of(extra));
        return TestApp.start(args);
    }

    @BeforeAll
    void startApp() {
        app = start(database().create());
    }

    @AfterAll
    void stopApp() {
        if (app != null) app.close();
        upstream.close();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    long count(TestApp on, String sql, Object... args) {
        return on.bean(JdbcTemplate.class).queryForObject(sql, Long.class, args);
    }

    @Test
    void recordsSurviveARestart() {
        TestDatabase.Url db = database().create();
        long id;
        try (TestApp first = start(db)) {
            HttpResponse<String> searched = first.get("/api/v1/search?q=survivor");
            assertThat(searched.statusCode()).isEqualTo(200);
            id = json(searched).get("query_id").asLong();
        }
        try (TestApp second = start(db)) {
            HttpResponse<String> found = second.get("/api/v1/queries/" + id, ADMIN);
            assertThat(found.statusCode()).isEqualTo(200);
            JsonNode query = json(found);
            assertThat(query.get("q").asString()).isEqualTo("survivor");
            assertThat(query.get("providers").get(0).get("total").asLong()).isEqualTo(42);
            assertThat(query.get("results")).hasSize(3);
            assertThat(query.get("results").get(0).get("authors").get(0).asString()).isEqualTo("Ada Lovelace");
            long next = json(second.get("/api/v1/search?q=after-restart")).get("query_id").asLong();
            assertThat(next).isNotEqualTo(id);
        }
    }

    @Test
    void fiveHundredConcurrentSearchesGiveExactlyFiveHundredRecordsEachReadableAtOnce() throws Exception {
        var ids = new ArrayList<Future<Long>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 500; i++) {
                String q = "load-" + i;
                ids.add(pool.submit(() -> {
                    HttpResponse<String> searched = app.get("/api/v1/search?timeout_ms=10000&q=" + q);
                    assertThat(searched.statusCode()).isEqualTo(200);
                    long id = json(searched).get("query_id").asLong();
                    // Read-your-writes: readable as soon as the search has answered, written or not.
                    HttpResponse<String> read = app.get("/api/v1/queries/" + id, ADMIN);
                    assertThat(read.statusCode()).isEqualTo(200);
                    assertThat(json(read).get("q").asString()).isEqualTo(q);
                    return id;
                }));
            }
        }
        Set<Long> distinct = new HashSet<>();
        for (Future<Long> id : ids) distinct.add(id.get());
        assertThat(distinct).hasSize(500);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count(app, "SELECT count(*) FROM queries WHERE q LIKE 'load-%'")).isEqualTo(500));
        assertThat(count(app, "SELECT count(DISTINCT query_id) FROM queries WHERE q LIKE 'load-%'")).isEqualTo(500);
        // Every result each provider returned is stored (how many came back depends on the machine's load).
        assertThat(count(app, "SELECT count(*) FROM query_results r JOIN queries q ON q.query_id = r.query_id "
                + "WHERE q.q LIKE 'load-%'")).isEqualTo(count(app, "SELECT coalesce(sum(p.returned), 0) "
                + "FROM query_providers p JOIN queries q ON q.query_id = p.query_id WHERE q.q LIKE 'load-%'"));
    }

    @Test
    void pagingWithTheCursorNeverRepeatsOrSkipsWhileNewQueriesArrive() {
        QueryLog log = app.bean(QueryLog.class);
        long base = Instant.now().minusSeconds(600).toEpochMilli();
        Set<Long> original = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            // Pairs share a timestamp, so the id must break ties.
            QueryRecord r = record(log.nextId(), Instant.ofEpochMilli(base + (i / 2) * 1000L), "pager", "docs", "json",
                    null, List.of());
            log.append(r);
            original.add(r.queryId());
        }
        awaitStored(original);
        long now = Instant.now().getEpochSecond();
        String range = "from=" + (now - 3600) + "&to=" + (now + 3600);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = app.get("/api/v1/queries?" + range + "&limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor), ADMIN);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = json(page);
            long previous = Long.MAX_VALUE;
            for (JsonNode q : body.get("queries")) {
                seen.add(q.get("query_id").asLong());
                assertThat(q.get("timestamp").asLong()).isLessThanOrEqualTo(previous);
                previous = q.get("timestamp").asLong();
            }
            // New queries keep arriving between pages.
            for (int i = 0; i < 3; i++) {
                log.append(record(log.nextId(), Instant.now(), "pager", "docs", "json", null, List.of()));
            }
            cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asString();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(original);
    }

    @Test
    void exportIsAnAttachmentWithEveryQueryOfTheRangeOldestFirst() {
        QueryLog log = app.bean(QueryLog.class);
        Instant t = Instant.parse("2019-05-06T07:08:09Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            QueryRecord r = record(log.nextId(), t.plusSeconds(i), "exporter", "docs", "json", null, List.of());
            log.append(r);
            ids.add(r.queryId());
        }
        awaitStored(ids);
        HttpResponse<String> export = app.get("/api/v1/queries/export?from=" + t.getEpochSecond() + "&to="
                + (t.getEpochSecond() + 4), ADMIN);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        JsonNode array = json(export);
        assertThat(array.isArray()).isTrue();
        List<Long> exported = new ArrayList<>();
        array.forEach(q -> exported.add(q.get("query_id").asLong()));
        assertThat(exported).isEqualTo(ids);
        assertThat(array.get(0).get("providers").get(0).get("provider").asString()).isEqualTo("docs");
        assertThat(array.get(0).get("timestamp").asLong()).isEqualTo(t.getEpochSecond());
    }

    @Test
    void storedResultsAreFilteredCaseInsensitivelyAndPagedWithTheirTotal() {
        JsonNode searched = json(app.get("/api/v1/search?timeout_ms=10000&q=filtering"));
        assertThat(searched.get("providers").get(0).get("status").asString()).isEqualTo("ok");
        long id = searched.get("query_id").asLong();
        awaitStored(List.of(id));
        JsonNode all = json(app.get("/api/v1/results?query_id=" + id, ADMIN));
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("results").get(0).get("query_id").asLong()).isEqualTo(id);
        assertThat(json(app.get("/api/v1/results?query_id=" + id + "&author=LOVELACE", ADMIN)).get("total").asLong()).isEqualTo(3);
        JsonNode turing = json(app.get("/api/v1/results?query_id=" + id + "&author=turing%202", ADMIN));
        assertThat(turing.get("total").asLong()).isEqualTo(1);
        assertThat(turing.get("results").get(0).get("id").asString()).isEqualTo("r2");
        assertThat(json(app.get("/api/v1/results?query_id=" + id + "&title=RESULT%203&journal=of%20tests", ADMIN))
                .get("total").asLong()).isEqualTo(1);
        assertThat(json(app.get("/api/v1/results?query_id=" + id + "&provider=nobody", ADMIN)).get("total").asLong()).isZero();
        // query_id and the time range both apply: a range that ends before the search holds none of its results.
        long before = all.get("results").get(0).get("timestamp").asLong() - 60;
        assertThat(json(app.get("/api/v1/results?query_id=" + id + "&to=" + before, ADMIN)).get("total").asLong()).isZero();
        assertThat(json(app.get("/api/v1/results?query_id=" + (id + 1_000_000), ADMIN)).get("total").asLong()).isZero();
        // A % in a filter is a character, not a wildcard.
        assertThat(json(app.get("/api/v1/results?query_id=" + id + "&title=%25", ADMIN)).get("total").asLong()).isZero();
        JsonNode second = json(app.get("/api/v1/results?query_id=" + id + "&provider=docs&size=2&page=2", ADMIN));
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("results").get(0).get("rank").asInt()).isEqualTo(3);
        // Without query_id the range defaults to the last 24 h, which holds this search.
        assertThat(json(app.get("/api/v1/results?title=for%20q%3Dfiltering", ADMIN)).get("total").asLong()).isEqualTo(3);
    }

    @Test
    void resultTotalsCountUpToTheWindowAndPagesStayInsideIt() {
        try (TestApp small = start(database().create(), "--fedsearch.history.result-window=5")) {
            QueryLog log = small.bean(QueryLog.class);
            var rows = new ArrayList<ResultRow>();
            for (int r = 1; r <= 4; r++) {
                rows.add(new ResultRow("docs", r, "w" + r, (r == 2 ? "Rare " : "Common ") + "title " + r, null,
                        List.of("A"), null, null, null));
            }
            QueryRecord first = record(log.nextId(), Instant.now().minusSeconds(2), "windowed", "docs", "json", null, rows);
            QueryRecord second = record(log.nextId(), Instant.now().minusSeconds(1), "windowed", "docs", "json", null, rows);
            log.append(first);
            log.append(second);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(count(small, "SELECT count(*) FROM query_results")).isEqualTo(8));

            JsonNode all = json(small.get("/api/v1/results", ADMIN));
            assertThat(all.get("total").asLong()).isEqualTo(5);
            assertThat(all.get("total_exact").asBoolean()).isFalse();
            JsonNode rare = json(small.get("/api/v1/results?title=RARE", ADMIN));
            assertThat(rare.get("total").asLong()).isEqualTo(2);
            assertThat(rare.get("total_exact").asBoolean()).isTrue();
            JsonNode oneQuery = json(small.get("/api/v1/results?query_id=" + second.queryId(), ADMIN));
            assertThat(oneQuery.get("total").asLong()).isEqualTo(4);
            assertThat(oneQuery.get("total_exact").asBoolean()).isTrue();
            // The last reachable page is the window's end: page 5 of size 1 is the fifth result, newest query first.
            JsonNode fifth = json(small.get("/api/v1/results?page=5&size=1", ADMIN));
            assertThat(fifth.get("results").get(0).get("query_id").asLong()).isEqualTo(first.queryId());
            assertThat(fifth.get("results").get(0).get("rank").asInt()).isEqualTo(1);
            assertThat(json(small.get("/api/v1/results?page=2&size=3", ADMIN)).get("results")).hasSize(2);
            assertParameter(small.get("/api/v1/results?page=6&size=1", ADMIN), "page");
            assertParameter(small.get("/api/v1/results?page=3&size=3", ADMIN), "page");
        }
    }

    @Test
    void aKeyPagesExportsAndReadsResultsOfItsOwnPrincipalOnlyAndTheAdminFiltersByPrincipal() {
        QueryLog log = app.bean(QueryLog.class);
        Instant t = Instant.parse("2020-02-02T02:02:02Z");
        var row = new ResultRow("docs", 1, "own", "own result", null, List.of("A"), null, null, null);
        List<Long> ann = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Mostly someone else's, newest first: a page filtered after reading would come back short.
            String principal = i % 4 == 0 ? "ann" : "bob";
            QueryRecord r = record(log.nextId(), t.plusSeconds(i), principal, "docs", "json", null, List.of(row));
            log.append(r);
            all.add(r.queryId());
            if (principal.equals("ann")) ann.add(r.queryId());
        }
        awaitStored(all);
        var http = new io.fedsearch.access.Http(app.base());
        String key = http.createKey(ADMIN, java.util.Map.of("principal", "ann")).get("key").asString();
        String range = "from=" + t.getEpochSecond() + "&to=" + (t.getEpochSecond() + 11);

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(app.get("/api/v1/queries?" + range + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), key));
            page.get("queries").forEach(q -> paged.add(q.get("query_id").asLong()));
            assertThat(page.get("queries").size()).isIn(1, 2);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(ann.reversed());
        List<Long> exported = new ArrayList<>();
        json(app.get("/api/v1/queries/export?" + range, key)).forEach(q -> exported.add(q.get("query_id").asLong()));
        assertThat(exported).containsExactlyElementsOf(ann);
        JsonNode results = json(app.get("/api/v1/results?" + range + "&size=2", key));
        assertThat(results.get("total").asLong()).isEqualTo(ann.size());
        assertThat(results.get("results")).hasSize(2);
        assertThat(json(app.get("/api/v1/results?" + range + "&provider=docs&title=OWN", key)).get("total").asLong())
                .isEqualTo(ann.size());
        assertThat(json(app.get("/api/v1/results?query_id=" + all.get(1), key)).get("total").asLong()).isZero();
        assertThat(app.get("/api/v1/queries/" + all.get(1), key).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/v1/queries/" + ann.getFirst(), key).statusCode()).isEqualTo(200);
        assertThat(app.get("/api/v1/queries?principal=bob", key).statusCode()).isEqualTo(403);

        assertThat(json(app.get("/api/v1/queries?" + range + "&limit=1000", ADMIN)).get("queries")).hasSize(12);
        assertThat(json(app.get("/api/v1/queries?" + range + "&principal=ann", ADMIN)).get("queries")).hasSize(ann.size());
        assertThat(json(app.get("/api/v1/queries/export?" + range + "&principal=bob", ADMIN))).hasSize(12 - ann.size());
        assertThat(json(app.get("/api/v1/results?" + range + "&principal=bob", ADMIN)).get("total").asLong())
                .isEqualTo(12 - ann.size());
    }

    @Test
    void unknownQueriesAre404AndBadParametersAre400NamingTheParameter() {
        HttpResponse<String> unknown = app.get("/api/v1/queries/987654321987", ADMIN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertParameter(app.get("/api/v1/queries/abc", ADMIN), "query_id");
        assertParameter(app.get("/api/v1/queries?limit=0", ADMIN), "limit");
        assertParameter(app.get("/api/v1/queries?limit=1001", ADMIN), "limit");
        assertParameter(app.get("/api/v1/queries?cursor=not-a-cursor", ADMIN), "cursor");
        assertParameter(app.get("/api/v1/queries?from=20&to=10", ADMIN), "from");
        assertParameter(app.get("/api/v1/queries?from=yesterday", ADMIN), "from");
        assertParameter(app.get("/api/v1/queries/export?to=-1", ADMIN), "to");
        assertParameter(app.get("/api/v1/results?size=0", ADMIN), "size");
        assertParameter(app.get("/api/v1/results?page=0", ADMIN), "page");
        assertParameter(app.get("/api/v1/results?query_id=x", ADMIN), "query_id");
    }

    private static void assertParameter(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).get("parameter").asString()).isEqualTo(parameter);
    }

    @Test
    void retentionDeletesQueriesOlderThanTheRetentionWithTheirResults() {
        try (TestApp short_ = start(database().create(), "--fedsearch.history.retention=1d",
                "--fedsearch.history.retention-first-check=100ms", "--fedsearch.history.retention-check=100ms",
                "--fedsearch.history.retention-batch=2")) {
            QueryLog log = short_.bean(QueryLog.class);
            var row = new ResultRow("docs", 1, "x", "old", null, List.of("A"), null, null, null);
            for (int i = 0; i < 5; i++) {
                log.append(record(log.nextId(), Instant.now().minus(Duration.ofDays(2)), "old", "docs", "json", null,
                        List.of(row)));
            }
            QueryRecord fresh = record(log.nextId(), Instant.now(), "fresh", "docs", "json", null, List.of(row));
            log.append(fresh);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(count(short_, "SELECT count(*) FROM queries WHERE principal = 'old'")).isZero();
                assertThat(count(short_, "SELECT count(*) FROM query_results")).isEqualTo(1);
                assertThat(count(short_, "SELECT count(*) FROM query_providers")).isEqualTo(1);
            });
            assertThat(log.find(fresh.queryId())).isPresent();
        }
    }

    static final String ARXIV_URI = "https://export.arxiv.org/api/query?search_query=au%3A%22John+Smith%22&start=0&max_results=8";

    @Test
    void seedQueriesEndpointListsArxivCallsWithTheQuerySentToArxiv() {
        QueryLog log = app.bean(QueryLog.class);
        Instant t = Instant.parse("2021-03-04T05:06:07.450Z");
        QueryRecord arxiv = record(log.nextId(), t, "anonymous", "arxiv", "arxiv", ARXIV_URI, List.of());
        QueryRecord other = record(log.nextId(), t.plusSeconds(1), "anonymous", "docs", "json", "http://x/?q=a", List.of());
        QueryRecord later = record(log.nextId(), t.plusSeconds(3600), "anonymous", "arxiv", "arxiv", ARXIV_URI, List.of());
        var timedOut = new ProviderSummary("arxiv", "arxiv", "timeout", 2000, null, 0, "no answer", ARXIV_URI, null);
        QueryRecord unanswered = new QueryRecord(log.nextId(), t.plusMillis(100), "anonymous", "api", "q", null, null,
                null, List.of(timedOut), 2001, List.of());
        log.append(arxiv);
        log.append(other);
        log.append(later);
        log.append(unanswered);
        awaitStored(List.of(arxiv.queryId(), other.queryId(), later.queryId(), unanswered.queryId()));

        HttpResponse<String> download = app.get("/queries?start_timestamp=2021-03-04T00:00:00&end_timestamp=2021-03-04T05:06:07");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"query_data.json\"");
        assertThat(json(download).toString()).isEqualTo(
                "[{\"query\":\"ArXiv Query: au:\\\"John Smith\\\"\",\"timestamp\":\"2021-03-04T05:06:07\",\"status\":200,\"num_results\":17}]");

        HttpResponse<String> posted = app.post("/queries",
                "{\"start_timestamp\":\"2021-03-04T00:00:00\",\"end_timestamp\":\"2021-03-04T23:59:59\"}");
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(json(posted)).hasSize(2);
        assertThat(json(posted).get(1).get("timestamp").asString()).isEqualTo("2021-03-04T06:06:07");
    }

    @Test
    void seedEndpointsAnswer422InFastApiShapeOnBadInput() {
        HttpResponse<String> bad = app.get("/queries?start_timestamp=yesterday&end_timestamp=2021-03-04T00:00:00");
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode detail = json(bad).get("detail").get(0);
        assertThat(detail.get("loc").toString()).isEqualTo("[\"query\",\"start_timestamp\"]");
        assertThat(detail.get("input").asString()).isEqualTo("yesterday");
        HttpResponse<String> missing = app.get("/queries?start_timestamp=2021-03-04T00:00:00");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing).get("detail").get(0).get("type").asString()).isEqualTo("missing");
        HttpResponse<String> badBody = app.post("/queries", "{\"start_timestamp\":\"2021-13-04T00:00:00\",\"end_timestamp\":\"2021-03-04T00:00:00\"}");
        assertThat(badBody.statusCode()).isEqualTo(422);
        assertThat(json(badBody).get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"start_timestamp\"]");
        HttpResponse<String> badPage = app.get("/results?page=-1");
        assertThat(badPage.statusCode()).isEqualTo(422);
        assertThat(json(badPage).get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"page\"]");
        assertThat(app.get("/results?items_per_page=zero").statusCode()).isEqualTo(422);
        // Every bad parameter is listed, as FastAPI lists them.
        assertThat(json(app.get("/results?page=-1&items_per_page=zero")).get("detail").valueStream()
                .map(d -> d.get("loc").get(1).asString() + ":" + d.get("type").asString()))
                .containsExactly("page:greater_than_equal", "items_per_page:int_parsing");
    }

    @Test
    void seedResultsEndpointPagesStoredArxivResultsOldestFirst() {
        QueryLog log = app.bean(QueryLog.class);
        Instant t = Instant.parse("2018-01-01T00:00:00Z");
        var first = List.of(
                new ResultRow("arxiv", 1, "a1", "Oldest", "u", List.of("John Smith", "Jane Doe"), "Phys. Rev.", null, null),
                new ResultRow("arxiv", 2, "a2", "Second", "u", List.of(), null, null, null));
        var second = List.of(new ResultRow("arxiv", 1, "b1", "Newest", "u", List.of("Ann Lee"), "Nature", null, null));
        QueryRecord a = record(log.nextId(), t, "anonymous", "arxiv", "arxiv", ARXIV_URI, first);
        QueryRecord b = record(log.nextId(), t.plusSeconds(60), "anonymous", "arxiv", "arxiv", ARXIV_URI, second);
        // Older still, but from a provider that is not arXiv: never in /results.
        QueryRecord json = record(log.nextId(), t.minusSeconds(60), "anonymous", "docs", "json", null,
                List.of(new ResultRow("docs", 1, "d1", "Not arXiv", "u", List.of(), null, null, null)));
        log.append(b);
        log.append(json);
        log.append(a);
        awaitStored(List.of(a.queryId(), b.queryId(), json.queryId()));
        HttpResponse<String> page0 = app.get("/results?page=0&items_per_page=2");
        assertThat(page0.statusCode()).isEqualTo(200);
        assertThat(json(page0).toString()).isEqualTo("[{\"author\":\"John Smith, Jane Doe\",\"title\":\"Oldest\","
                + "\"journal\":\"Phys. Rev.\"},{\"author\":null,\"title\":\"Second\",\"journal\":null}]");
        assertThat(json(app.get("/results?page=1&items_per_page=2")).get(0).get("title").asString()).isEqualTo("Newest");
        assertThat(json(app.get("/results?page=5&items_per_page=2"))).isEmpty();
        // Integers as FastAPI reads them: signed, padded, and of any size (a page past every row is empty).
        assertThat(json(app.get("/results?page=%2B1&items_per_page=%2002")).get(0).get("title").asString()).isEqualTo("Newest");
        assertThat(json(app.get("/results?page=99999999999&items_per_page=2"))).isEmpty();
        assertThat(json(app.get("/results?page=99999999999999999999999&items_per_page=1000"))).isEmpty();
    }

    void awaitStored(java.util.Collection<Long> ids) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (long id : ids) {
                assertThat(count(app, "SELECT count(*) FROM queries WHERE query_id = ?", id)).isEqualTo(1);
            }
        });
    }

    static QueryRecord record(long id, Instant at, String principal, String provider, String type, String uri,
                              List<ResultRow> results) {
        var summary = new ProviderSummary(provider, type, "ok", 12, 17L, results.size(), null, uri, uri == null ? null : 200);
        return new QueryRecord(id, at, principal, "api", "q" + id, null, null, null, List.of(summary), 15, results);
    }
}
