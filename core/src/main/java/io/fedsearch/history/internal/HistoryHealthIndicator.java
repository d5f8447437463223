package io.fedsearch.history.internal;

import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code history}: DOWN while writes fail (records are waiting, not lost),
 * with how many wait, since when, the last error and how many were dropped so far. The body is public, so the
 * error is said in plain words ({@link HistoryWriter#lastError()}), never with an exception's message or class.
 */
final class HistoryHealthIndicator implements HealthIndicator {

    private final HistoryWriter writer;

    HistoryHealthIndicator(HistoryWriter writer) {
        this.writer = writer;
    }

    @Override
    public Health health() {
        long since = writer.failingSinceMs();
        Health.Builder health = since == 0 ? Health.up() : Health.down()
                .withDetail("failing_since", Instant.ofEpochMilli(since).toString())
                .withDetail("last_error", String.valueOf(writer.lastError()));
        return health.withDetail("backlog", writer.backlog())
                .withDetail("dropped", (long) writer.droppedCount())
                .build();
    }
}
