package io.fedsearch.history.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes queries older than {@code fedsearch.history.retention} (default 90 days) with their providers and
 * results, {@code retention-batch} queries per short transaction so concurrent writes never wait long. Runs every
 * {@code fedsearch.history.retention-check} (default 1h, first run 1 min after start). Every replica may run it:
 * deleting is idempotent. A failure is logged and retried at the next run.
 */
final class HistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);
    private static final String OLDEST = """
            SELECT query_id, ts_ms FROM queries WHERE ts_ms < ? ORDER BY ts_ms, query_id FETCH FIRST ? ROWS ONLY""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final HistoryProperties settings;
    private final Counter deleted;

    HistoryRetention(JdbcTemplate jdbc, TransactionTemplate tx, HistoryProperties settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.deleted = meters.counter("fedsearch.history.retention.deleted");
    }

    @Scheduled(initialDelayString = "${fedsearch.history.retention-first-check:1m}",
            fixedDelayString = "${fedsearch.history.retention-check:1h}")
    void scheduled() {
        try {
            int n = deleteOlderThan(System.currentTimeMillis() - settings.retention().toMillis());
            if (n > 0) log.info("history retention deleted {} queries older than {}", n, settings.retention());
        } catch (RuntimeException e) {
            log.error("history retention failed, retried at the next run: {}", e.getMessage());
        }
    }

    private record Oldest(long queryId, long tsMs) {
    }

    /** Deletes every query before {@code cutoffMs} (epoch ms) in small batches; returns how many. */
    int deleteOlderThan(long cutoffMs) {
        int total = 0;
        while (true) {
            List<Oldest> batch = jdbc.query(OLDEST, (rs, n) -> new Oldest(rs.getLong(1), rs.getLong(2)), cutoffMs,
                    settings.retentionBatch());
            if (batch.isEmpty()) return total;
            String in = Rows.placeholders(batch.size());
            Object[] args = batch.stream().map(Oldest::queryId).toArray();
            // Oldest first, so the batch's time span runs from its first to its last query.
            Object[] resultArgs = Stream.concat(Arrays.stream(args),
                    Stream.of(batch.getFirst().tsMs(), batch.getLast().tsMs())).toArray();
            tx.executeWithoutResult(s -> {
                // query_results has no index on query_id alone: the batch's time span makes this a range of its time
                // index.
                jdbc.update("DELETE FROM query_results WHERE query_id IN (" + in + ") AND ts_ms BETWEEN ? AND ?",
                        resultArgs);
                jdbc.update("DELETE FROM query_providers WHERE query_id IN (" + in + ")", args);
                jdbc.update("DELETE FROM queries WHERE query_id IN (" + in + ")", args);
            });
            total += batch.size();
            deleted.increment(batch.size());
            if (batch.size() < settings.retentionBatch()) return total;
        }
    }
}
