package io.fedsearch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.history.testing.JsonUpstream;
import io.fedsearch.history.testing.StreamingReplica;
import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fedsearch.history.read-datasource on a real PostgreSQL streaming standby (pg_basebackup -R, {@link
 * StreamingReplica}): writes go to the primary, reads to the standby, except where the standby would answer with
 * less than this node has written, and while the standby is down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "fs_replica-admin-key-000000000000000000000";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final StreamingReplica replica = StreamingReplica.get();
    private final JsonUpstream upstream = new JsonUpstream();
    private StreamingReplica.Database database;
    private TestApp app;
    private JdbcTemplate primary;
    private JdbcTemplate standby;

    @BeforeAll
    void startApp() {
        database = replica.create();
        var args = new ArrayList<>(database.args());
        args.addAll(upstream.providerArgs("docs"));
        args.add("--FEDSEARCH_ADMIN_KEY=" + ADMIN);
        args.add("--fedsearch.access.default-per-second=100000");
        // Suggestions read the history in the background; here only the test's own reads are counted.
        args.add("--fedsearch.insights.suggest-sync=1h");
        args.add("--fedsearch.insights.suggest-refresh=1h");
        app = TestApp.start(args);
        primary = app.bean(JdbcTemplate.class);
        standby = template(database.standby());
    }

    @AfterAll
    void stopApp() {
        if (app != null) app.close();
        upstream.close();
    }

    @Test
    void aListingComesFromTheStandbyWhileFreshWritesAreReadFromThePrimary() {
        long own = search("replicated");
        // Written on the primary, replayed by the standby, which takes no writes itself.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stored(standby, own)).isOne());
        assertThat(standby.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)).isTrue();
        awaitListingFromTheStandby(own);

        replica.pauseReplay();
        long fresh;
        long other = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        try {
            // Another node's commit: on the primary only, as long as the standby does not replay.
            primary.update("INSERT INTO queries (query_id, ts_ms, principal, origin, q, took_ms)"
                    + " VALUES (?, ?, 'anonymous', 'api', 'other-node', 5)", other, System.currentTimeMillis());
            assertThat(listed()).contains(own).doesNotContain(other);
            // A read by id asks the primary when the standby has no such query.
            HttpResponse<String> byId = app.get("/api/v1/queries/" + other, ADMIN);
            assertThat(byId.statusCode()).isEqualTo(200);
            assertThat(json(byId).get("q").asString()).isEqualTo("other-node");

            // This node's own write while the standby is behind: committed on the primary, not yet on the standby.
            fresh = search("while-paused");
            awaitCommitted();
            assertThat(stored(primary, fresh)).isOne();
            assertThat(stored(standby, fresh)).isZero();
            double fromPrimary = reads("primary");
            HttpResponse<String> ownRead = app.get("/api/v1/queries/" + fresh, ADMIN);
            assertThat(json(ownRead).get("q").asString()).isEqualTo("while-paused");
            // The standby has not replayed this node's newest commit: the listing is read from the primary.
            assertThat(listed()).contains(fresh, other);
            assertThat(reads("primary")).isGreaterThanOrEqualTo(fromPrimary + 2);
        } finally {
            replica.resumeReplay();
        }
        awaitListingFromTheStandby(fresh, other);
    }

    @Test
    void aHistoryReadWhileTheStandbyIsDownIsAnsweredFromThePrimary() {
        long id = search("outage");
        awaitCommitted();
        awaitListingFromTheStandby(id);
        double failures = app.bean(MeterRegistry.class).counter("fedsearch.history.standby.failures").count();
        replica.stopStandby();
        try {
            assertThat(listed()).contains(id);
            assertThat(app.bean(MeterRegistry.class).counter("fedsearch.history.standby.failures").count())
                    .isGreaterThan(failures);
            assertThat(app.get("/api/v1/queries/" + id, ADMIN).statusCode()).isEqualTo(200);
            long now = System.currentTimeMillis() / 1000;
            HttpResponse<String> export = app.get("/api/v1/queries/export?from=" + (now - 600) + "&to=" + now, ADMIN);
            assertThat(export.statusCode()).isEqualTo(200);
            List<Long> exported = new ArrayList<>();
            json(export).forEach(q -> exported.add(q.get("query_id").asLong()));
            assertThat(exported).contains(id);
            HttpResponse<String> results = app.get("/api/v1/results?query_id=" + id, ADMIN);
            assertThat(json(results).get("total").asLong()).isEqualTo(3);
            assertThat(app.get("/results?page=0&items_per_page=10").statusCode()).isEqualTo(200);
        } finally {
            replica.startStandby();
        }
        // Skipped for a few seconds after the failure, then read again.
        awaitListingFromTheStandby(id);
    }

    private void awaitListingFromTheStandby(long... ids) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            double before = reads("standby");
            List<Long> listed = listed();
            assertThat(reads("standby")).isGreaterThan(before);
            for (long id : ids) assertThat(listed).contains(id);
        });
    }

    /** Every record this node accepted is committed (none waits in the writer's queue or memory). */
    private void awaitCommitted() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                app.bean(MeterRegistry.class).get("fedsearch.history.backlog").gauge().value()).isZero());
    }

    private double reads(String database) {
        return app.bean(MeterRegistry.class).counter("fedsearch.history.reads", "database", database).count();
    }

    private List<Long> listed() {
        HttpResponse<String> page = app.get("/api/v1/queries?limit=1000", ADMIN);
        assertThat(page.statusCode()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(page).get("queries").forEach(q -> ids.add(q.get("query_id").asLong()));
        return ids;
    }

    private long search(String q) {
        HttpResponse<String> searched = app.get("/api/v1/search?timeout_ms=10000&q=" + q);
        assertThat(searched.statusCode()).isEqualTo(200);
        return json(searched).get("query_id").asLong();
    }

    private static long stored(JdbcTemplate on, long id) {
        return on.queryForObject("SELECT count(*) FROM queries WHERE query_id = ?", Long.class, id);
    }

    private static JdbcTemplate template(TestDatabase.Url url) {
        return new JdbcTemplate(new DriverManagerDataSource(url.url(), url.username(), url.password()));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
