package io.fedsearch.history.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * {@code /actuator/health} component {@code db}, in place of Spring Boot's, which asks the pool for a connection
 * on every health request and so waits the pool's connection timeout (30 s) while the database is unreachable,
 * then names the exception class in its answer.
 * <p>
 * Here a background probe borrows a connection and validates it every {@code probe-interval}; the health request
 * only reads the last result, so it answers at once whatever the database does. A probe not done within
 * {@code probe-timeout} (waiting for a connection, or validating it) marks the database DOWN at that moment,
 * without waiting for the pool to give up; only one probe runs at a time, so a hung one is not piled upon. The
 * details say what is known in plain words ({@code error}: "unreachable", "no answer within ..."), never an
 * exception or class name: the body is public.
 */
final class DatabaseHealthIndicator implements HealthIndicator, SmartLifecycle {

    /** The last probe's verdict. {@code since}: when the status last changed. */
    record State(boolean up, String database, String error, Instant checkedAt, Instant since) {
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealthIndicator.class);

    private final DataSource dataSource;
    private final Duration interval;
    private final Duration timeout;
    private volatile State state;
    private volatile CompletableFuture<String> probing;
    private ScheduledExecutorService scheduler;

    DatabaseHealthIndicator(DataSource dataSource, Duration interval, Duration timeout) {
        this.dataSource = dataSource;
        this.interval = interval;
        this.timeout = timeout;
        Instant now = Instant.now();
        this.state = new State(false, null, "not checked yet", now, now);
    }

    @Override
    public Health health() {
        State s = state;
        Health.Builder health = s.up() ? Health.up() : Health.down();
        if (s.database() != null) health.withDetail("database", s.database());
        if (s.error() != null) health.withDetail("error", s.error());
        return health.withDetail("checked_at", s.checkedAt().toString())
                .withDetail("since", s.since().toString())
                .build();
    }

    State state() {
        return state;
    }

    /** Runs one probe (unless one is still running) and records its verdict, waiting at most the probe timeout. */
    void probe() {
        CompletableFuture<String> running = probing;
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::validate, r -> Thread.ofVirtual().name("db-probe").start(r));
            probing = running;
        }
        try {
            String database = running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            record(true, database, null);
        } catch (TimeoutException e) {
            record(false, null, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            record(false, null, "unreachable");
            log.debug("database probe failed: {}", e.getMessage());
        }
    }

    /** The database's product name once a pooled connection answered its validation; throws otherwise. */
    private String validate() {
        try (Connection connection = dataSource.getConnection()) {
            int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
            if (!connection.isValid(seconds)) throw new IllegalStateException("connection not valid");
            return connection.getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void record(boolean up, String database, String error) {
        State last = state;
        Instant now = Instant.now();
        String name = database != null ? database : last.database();
        if (up != last.up()) {
            if (up) log.info("database reachable again");
            else log.warn("database unreachable: {}", error);
        }
        state = new State(up, name, error, now, up == last.up() ? last.since() : now);
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) return;
        probe(); // at start-up the database was just migrated: the first health request should say so
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("db-health").factory());
        scheduler.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) return;
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
