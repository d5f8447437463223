package io.fedsearch.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.history.QueryRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The writer while its database is unreachable: the request path never writes for itself then. */
class HistoryWriterOutageTest {

    @Test
    void aRecordFindingTheQueueFullWhileWritesFailIsDroppedInsteadOfWrittenByItsRequest() throws Exception {
        int refusing;
        try (var socket = new ServerSocket(0)) {
            refusing = socket.getLocalPort();
        }
        var dataSource = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + refusing + "/none", "x", "x");
        var settings = new HistoryProperties(Duration.ofDays(90), 500, 2, 50, Duration.ofMillis(10), 1000,
                Duration.ofMillis(100), Duration.ofMillis(100), 1000, 10_000, Duration.ofSeconds(10));
        var meters = new SimpleMeterRegistry();
        var writer = new HistoryWriter(new JdbcBatchInsert(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource))), settings, meters);
        writer.start();
        try {
            writer.submit(record(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.failingSinceMs() != 0);
            writer.submit(record(2));
            writer.submit(record(3));
            writer.submit(record(4));

            assertThat(meters.counter("fedsearch.history.sync.writes").count()).isZero();
            assertThat(meters.counter("fedsearch.history.dropped").count()).isPositive();
            assertThat(writer.backlog()).isLessThanOrEqualTo(3);
            assertThat(writer.lastError()).isEqualTo("database unreachable");
        } finally {
            writer.stop();
        }
    }

    private static QueryRecord record(long id) {
        var summary = new QueryRecord.ProviderSummary("docs", "json", "ok", 3, 1L, 1, null, null, 200);
        return new QueryRecord(id, Instant.now(), "writer", "api", "q" + id, null, null, null, List.of(summary), 5,
                List.of());
    }
}
