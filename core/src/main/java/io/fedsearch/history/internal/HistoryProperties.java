package io.fedsearch.history.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.history.*}: how queries are written and kept. Checked at start-up.
 *
 * @param retention       records older than this are deleted (default 90 days)
 * @param retentionBatch  queries deleted per transaction by the retention job, so writers are never blocked long
 * @param queueCapacity   records waiting for the background writer; when full, a request writes its own record
 * @param batchSize       most records written in one JDBC batch transaction
 * @param linger          how long the writer waits for a batch to fill before writing a partial one
 * @param idReserve       query ids held in reserve (blocks of 50), refilled in the background, so searches keep
 *                        getting ids while the database is briefly unreachable
 * @param retryMax        longest pause between two attempts while the database is failing (backoff from 100 ms)
 * @param shutdownTimeout how long a shutdown waits for the queue to be written before giving up (and logging)
 * @param exportFetchSize rows fetched per round trip when streaming an export
 * @param resultWindow    how deep {@code /api/v1/results} pages (page x size) and how far its {@code total} counts:
 *                        both read at most this many index entries, whatever the size of the history
 * @param readTimeout     longest a listing or a result read may run (whole seconds) before the database cancels it
 *                        and the caller gets a 503: a text filter over a wide range on H2 reads every row of it,
 *                        and must not hold a pooled connection (which the history writer needs) for minutes
 */
@ConfigurationProperties("fedsearch.history")
record HistoryProperties(
        @DefaultValue("90d") Duration retention,
        @DefaultValue("500") int retentionBatch,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10ms") Duration linger,
        @DefaultValue("1000") int idReserve,
        @DefaultValue("5s") Duration retryMax,
        @DefaultValue("30s") Duration shutdownTimeout,
        @DefaultValue("1000") int exportFetchSize,
        @DefaultValue("10000") int resultWindow,
        @DefaultValue("10s") Duration readTimeout) {

    HistoryProperties {
        positive("retention", retention.toMillis());
        positive("retention-batch", retentionBatch);
        positive("queue-capacity", queueCapacity);
        positive("batch-size", batchSize);
        positive("id-reserve", idReserve);
        positive("retry-max", retryMax.toMillis());
        positive("export-fetch-size", exportFetchSize);
        positive("result-window", resultWindow);
        if (readTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("fedsearch.history.read-timeout must be at least 1s");
        }
        if (linger.isNegative()) throw new IllegalArgumentException("fedsearch.history.linger must not be negative");
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("fedsearch.history.shutdown-timeout must not be negative");
        }
    }

    private static void positive(String key, long value) {
        if (value <= 0) throw new IllegalArgumentException("fedsearch.history." + key + " must be positive");
    }
}
