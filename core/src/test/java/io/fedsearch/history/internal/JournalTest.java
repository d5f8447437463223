package io.fedsearch.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write-ahead journal with the real writer on real databases (H2 files; an embedded PostgreSQL stopped and
 * started), and a real process killed by SIGKILL.
 */
class JournalTest {

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) child.destroyForcibly();
    }

    @Test
    void recordsOfAProcessKilledBeforeItsCommitAreStoredOnceByTheNextStartAndTheirSegmentsDeleted() throws Exception {
        child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), JournalKilledChild.class.getName(), dir.toString(), "1", "45")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("submitted"));
            assertThat(line).as("the child's last words").isEqualTo("submitted");
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
        assertThat(child.waitFor()).isEqualTo(137);
        assertThat(segments()).hasSize(5); // 10 records a segment

        DataSource db = database();
        var jdbc = new JdbcTemplate(db);
        // The first 8 were committed by the dead process just before it was killed (its commit's answer lost).
        new JdbcBatchInsert(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db)))
                .insert(LongStream.rangeClosed(1, 8).mapToObj(JournalTest::record).toList());
        assertThat(count(jdbc)).isEqualTo(8);

        var next = writer(db, dir, 10);
        next.start();
        assertThat(next.pending(45)).as("readable by id before anything is written").isNotNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count(jdbc)).isEqualTo(45);
            assertThat(segments()).isEmpty();
        });
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT query_id) FROM queries", Long.class)).isEqualTo(45);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query_results", Long.class)).isEqualTo(45);
        assertThat(next.pending(45)).isNull();
        assertThat(next.droppedCount()).isZero();
        next.stop();
        assertThat(files()).isEmpty();
    }

    @Test
    void leftoversFoundWhileTheDatabaseIsDownAreKeptAndStoredOnceItIsBack(@TempDir Path pgData) throws Exception {
        try (var dead = Journal.open(journal(dir.toString(), 10))) {
            for (long id = 1; id <= 15; id++) dead.append(record(id));
        }
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var pg = postgres(pgData, port);
        var db = new DriverManagerDataSource(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        Flyway.configure().dataSource(db).load().migrate();
        pg.close();

        var writer = writer(db, dir, 10);
        writer.start(); // returns at once: nothing waits for the database
        try {
            assertThat(writer.pending(15)).isNotNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.failingSinceMs() != 0);
            assertThat(segments()).hasSize(2);

            pg = postgres(pgData, port);
            var jdbc = new JdbcTemplate(db);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(count(jdbc)).isEqualTo(15);
                assertThat(segments()).isEmpty();
            });
            assertThat(writer.pending(15)).isNull();
        } finally {
            writer.stop();
            pg.close();
        }
    }

    @Test
    void segmentsAreDeletedOnceEveryRecordInThemIsCommitted() throws Exception {
        DataSource db = database();
        var writer = writer(db, dir, 10);
        writer.start();
        for (long id = 1; id <= 35; id++) writer.submit(record(id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count(new JdbcTemplate(db))).isEqualTo(35);
            // The fourth segment is still being written to, the three sealed ones are gone.
            assertThat(segments()).hasSize(1);
        });
        writer.stop();
        assertThat(files()).isEmpty();
    }

    @Test
    void aLiveInstanceSegmentsAreNotClaimedByAnotherOnTheSameDirectory() {
        try (var live = Journal.open(journal(dir.toString(), 10)); var other = Journal.open(journal(dir.toString(), 10))) {
            live.append(record(1));
            assertThat(other.claimLeftovers()).isEmpty();
            assertThat(segments()).hasSize(1);
        }
    }

    @Test
    void aCutLastLineIsSkippedAndTheWholeLinesAreReplayed() throws IOException {
        try (var dead = Journal.open(journal(dir.toString(), 10))) {
            dead.append(record(1));
            dead.append(record(2));
        }
        Path segment = segments().getFirst();
        Files.writeString(segment, "{\"queryId\":3,\"times", java.nio.file.StandardOpenOption.APPEND);
        try (var next = Journal.open(journal(dir.toString(), 10))) {
            List<Journal.Leftover> leftovers = next.claimLeftovers();
            assertThat(leftovers).hasSize(1);
            assertThat(leftovers.getFirst().records()).extracting(QueryRecord::queryId).containsExactly(1L, 2L);
            assertThat(leftovers.getFirst().records().getFirst()).isEqualTo(record(1));
            leftovers.getFirst().discard();
        }
        assertThat(files()).isEmpty();
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private DataSource database() {
        TestDatabase.Url url = new TestDatabase.H2().create();
        var db = new DriverManagerDataSource(url.url(), url.username(), url.password());
        Flyway.configure().dataSource(db).load().migrate();
        return db;
    }

    private static HistoryWriter writer(DataSource db, Path dir, int segmentRecords) {
        return new HistoryWriter(new JdbcBatchInsert(new JdbcTemplate(db),
                new TransactionTemplate(new DataSourceTransactionManager(db))), settings(), new SimpleMeterRegistry(),
                Journal.open(journal(dir.toString(), segmentRecords)));
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM queries", Long.class);
    }

    private List<Path> segments() {
        return files().stream().filter(p -> p.toString().endsWith(".journal")).toList();
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HistoryProperties settings() {
        return new HistoryProperties(Duration.ofDays(90), 500, 100, 50, Duration.ofMillis(10), 1000,
                Duration.ofMillis(200), Duration.ofSeconds(1), 1000, 10_000, Duration.ofSeconds(10));
    }

    static JournalProperties journal(String dir, int segmentRecords) {
        return new JournalProperties(dir, segmentRecords, Duration.ofHours(1));
    }

    /** A fixed time, so that a record read back from the journal equals the one written. */
    static QueryRecord record(long id) {
        var summary = new QueryRecord.ProviderSummary("docs", "json", "ok", 3, 1L, 1, null, null, 200);
        var row = new QueryRecord.ResultRow("docs", 1, "r" + id, "title " + id, null, List.of("A", "B"), null, null,
                null);
        return new QueryRecord(id, Instant.parse("2026-11-30T12:00:00.123Z"), "writer", "api", "q" + id, null, null,
                null, List.of(summary), 5, List.of(row));
    }
}
