package io.fedsearch.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The background writer on a real database (H2 and PostgreSQL subclasses), its queue filled before it runs. */
abstract class HistoryWriterShutdownTest {

    abstract TestDatabase database();

    @Test
    void aShutdownWithAFullQueueLosesNoRecord() {
        TestDatabase.Url db = database().create();
        var dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        var jdbc = new JdbcTemplate(dataSource);
        var settings = new HistoryProperties(Duration.ofDays(90), 500, 100, 50, Duration.ofMillis(10), 1000,
                Duration.ofSeconds(1), Duration.ofSeconds(30), 1000, 10_000, Duration.ofSeconds(10));
        var meters = new SimpleMeterRegistry();
        var writer = new HistoryWriter(new JdbcBatchInsert(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource))), settings, meters);

        // Not started yet: the first 100 fill the queue, the other 150 find it full and are written by their caller.
        for (long id = 1; id <= 250; id++) writer.submit(record(id));
        assertThat(writer.backlog()).isEqualTo(100);
        assertThat(meters.counter("fedsearch.history.sync.writes").count()).isEqualTo(150);
        assertThat(count(jdbc)).isEqualTo(150);
        assertThat(writer.pending(1)).isNotNull();

        writer.start();
        writer.stop();

        assertThat(count(jdbc)).isEqualTo(250);
        assertThat(writer.backlog()).isZero();
        assertThat(writer.pending(1)).isNull();
        assertThat(meters.counter("fedsearch.history.dropped").count()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query_results", Long.class)).isEqualTo(250);
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM queries", Long.class);
    }

    private static QueryRecord record(long id) {
        var summary = new QueryRecord.ProviderSummary("docs", "json", "ok", 3, 1L, 1, null, null, 200);
        var row = new QueryRecord.ResultRow("docs", 1, "r" + id, "title " + id, null, List.of("A", "B"), null, null, null);
        return new QueryRecord(id, Instant.now(), "writer", "api", "q" + id, null, null, null, List.of(summary), 5,
                List.of(row));
    }
}
