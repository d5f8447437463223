package io.fedsearch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.history.testing.JsonUpstream;
import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal through the whole app: records of answered searches that an instance could not commit (its database
 * down until it stopped, as a process killed before its commit leaves them) are stored by the next instance on the
 * same journal directory and database, each once. JournalTest kills a real process with SIGKILL.
 */
class JournalReplayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "fs_journal-admin-key-00000000000000000000";

    @TempDir
    Path data;
    @TempDir
    Path journal;

    private final JsonUpstream upstream = new JsonUpstream();
    private int port;
    private EmbeddedPostgres pg;
    private TestApp app;

    @BeforeEach
    void startPostgres() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        pg = postgres();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (app != null) app.close();
        if (pg != null) pg.close();
        upstream.close();
    }

    @Test
    void answeredQueriesNotCommittedByAStoppedInstanceAreReadableAndStoredOnceByTheNextOne() throws Exception {
        app = TestApp.start(args());
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < 5; i++) ids.add(search("before-" + i));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count()).isEqualTo(5));
        pg.close();
        pg = null;
        for (int i = 0; i < 20; i++) ids.add(search("during-" + i));
        // Its writer gives up after shutdown-timeout: the 20 are on disk only, in segments that hold the 5 too.
        app.close();
        app = null;
        assertThat(segments()).isNotEmpty();

        pg = postgres();
        app = TestApp.start(args());
        for (long id : ids) {
            assertThat(app.get("/api/v1/queries/" + id, ADMIN).statusCode()).as("query %d", id).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count()).isEqualTo(25);
            assertThat(segments()).isEmpty();
        });
        var jdbc = app.bean(JdbcTemplate.class);
        for (long id : ids) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM queries WHERE query_id = ?", Long.class, id))
                    .as("query %d", id).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM query_results WHERE query_id = ?", Long.class, id))
                    .as("results of query %d", id).isEqualTo(3);
        }
    }

    private List<String> args() {
        var url = new TestDatabase.Url(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        var args = new ArrayList<>(url.args());
        args.addAll(upstream.providerArgs("docs"));
        args.addAll(List.of("--FEDSEARCH_ADMIN_KEY=" + ADMIN, "--fedsearch.access.default-per-second=100000",
                "--fedsearch.history.journal=" + journal, "--fedsearch.history.shutdown-timeout=1s",
                "--fedsearch.history.retry-max=200ms", "--spring.datasource.hikari.connection-timeout=2000",
                "--fedsearch.history.id-reserve=50"));
        return args;
    }

    private long search(String q) {
        var searched = app.get("/api/v1/search?providers=docs&q=" + q);
        assertThat(searched.statusCode()).isEqualTo(200);
        return JSON.readTree(searched.body()).get("query_id").asLong();
    }

    private long count() {
        return app.bean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM queries", Long.class);
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(p -> p.toString().endsWith(".journal")).toList();
        }
    }

    private EmbeddedPostgres postgres() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
