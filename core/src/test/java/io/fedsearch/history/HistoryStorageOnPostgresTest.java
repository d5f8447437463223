package io.fedsearch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The history suite on a real PostgreSQL, plus what only a server database can show: being stopped mid-load. */
class HistoryStorageOnPostgresTest extends HistoryStorageTest {

    @Override
    TestDatabase database() {
        return new TestDatabase.Postgres();
    }

    @Test
    void substringFiltersHaveTrigramIndexesOnPostgres() {
        try (TestApp pg = start(database().create())) {
            assertThat(count(pg, "SELECT count(*) FROM pg_indexes WHERE tablename = 'query_results'"
                    + " AND indexdef LIKE '%gin_trgm_ops%'")).isEqualTo(3);
            // Their expressions are sampled 10x finer than PostgreSQL's default, so the planner can tell a common
            // substring (walk the time index) from a rare one (use the trigram index); see V6.
            assertThat(count(pg, "SELECT count(*) FROM pg_attribute WHERE attrelid IN ('query_results_authors_trgm'::regclass,"
                    + " 'query_results_title_trgm'::regclass, 'query_results_journal_trgm'::regclass) AND attstattarget = 1000"))
                    .isEqualTo(3);
        }
    }

    @Test
    void aResultReadLongerThanTheReadTimeoutIsCancelledWithA503() throws Exception {
        try (TestApp app = start(database().create(), "--fedsearch.history.read-timeout=1s");
             var blocker = app.bean(javax.sql.DataSource.class).getConnection()) {
            // Another session holds the results table: the read waits on the lock until its timeout cancels it.
            blocker.setAutoCommit(false);
            try (var statement = blocker.createStatement()) {
                statement.execute("LOCK TABLE query_results IN ACCESS EXCLUSIVE MODE");
            }
            HttpResponse<String> read = app.get("/api/v1/results?title=anything", ADMIN);
            blocker.rollback();

            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(json(read).get("type").asString()).isEqualTo("/problems/history-read-timeout");
            assertThat(app.get("/api/v1/results?title=anything", ADMIN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDatabaseStoppedMidLoadLosesNoRecordOnceItIsBack() throws Exception {
        Path data = Files.createTempDirectory("fedsearch-pg-restart");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres pg = postgres(data, port);
        var url = new TestDatabase.Url(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        Set<Long> ids = new HashSet<>();
        try (TestApp app = start(url, "--spring.datasource.hikari.connection-timeout=500",
                "--fedsearch.history.retry-max=200ms", "--fedsearch.access.key-cache-ttl=10m")) {
            for (int i = 0; i < 30; i++) ids.add(search(app, "before-" + i));
            // The admin key (which reads the history) is resolved now and cached through the outage.
            assertThat(app.get("/api/v1/queries?limit=1", ADMIN).statusCode()).isEqualTo(200);
            pg.close();
            long during = 0;
            for (int i = 0; i < 60; i++) {
                during = search(app, "during-" + i);
                ids.add(during);
            }
            // The records wait: health says so, and each is still readable by id on this node.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> health = app.get("/actuator/health");
                assertThat(json(health).get("components").get("history").get("status").asString()).isEqualTo("DOWN");
            });
            assertThat(json(app.get("/actuator/health")).get("components").get("history").get("details")
                    .get("backlog").asInt()).isPositive();
            assertThat(app.get("/api/v1/queries/" + during, ADMIN).statusCode()).isEqualTo(200);
            HttpResponse<String> page = app.get("/api/v1/queries", ADMIN);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            pg = postgres(data, port);
            for (int i = 0; i < 10; i++) ids.add(search(app, "after-" + i));
            assertThat(ids).hasSize(100);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(count(app, "SELECT count(*) FROM queries")).isEqualTo(100));
            for (long id : ids) {
                assertThat(count(app, "SELECT count(*) FROM queries WHERE query_id = ?", id)).isEqualTo(1);
            }
            assertThat(count(app, "SELECT count(*) FROM query_results")).isEqualTo(300);
            await().untilAsserted(() -> assertThat(json(app.get("/actuator/health")).get("components").get("history")
                    .get("status").asString()).isEqualTo("UP"));
        } finally {
            pg.close();
        }
    }

    private static long search(TestApp app, String q) {
        HttpResponse<String> searched = app.get("/api/v1/search?q=" + q);
        assertThat(searched.statusCode()).isEqualTo(200);
        return json(searched).get("query_id").asLong();
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
