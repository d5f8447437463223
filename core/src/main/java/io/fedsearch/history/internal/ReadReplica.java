package io.fedsearch.history.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL streaming standby serving history reads (fedsearch.history.read-datasource), and the rule that picks,
 * per read, the standby or the primary. The rule (docs/history.md, "Read replicas"):
 * <ul>
 * <li>After each commit of this node's history writer the primary's WAL insert position is noted; a listing read
 * goes to the standby only once the standby has replayed up to the newest such position (pg_last_wal_replay_lsn),
 * else to the primary. So a node always reads its own committed records. Another node's records appear on the
 * standby as fast as it replays (normally milliseconds): a listing on this node may miss a query another node
 * committed that recently.</li>
 * <li>A read by id goes to the standby first and, when the standby has no such query, to the primary: a query is
 * found as soon as any node has committed it.</li>
 * <li>A standby that fails (unreachable, or cancels a read for a recovery conflict) is skipped for
 * {@link #PAUSE_AFTER_FAILURE}; the failed read is run again on the primary, unless it had already streamed rows
 * (an export). A read cancelled by fedsearch.history.read-timeout is not retried: it would be as slow on the
 * primary.</li>
 * </ul>
 * The replayed position is asked of the standby only while it may be behind (one tiny query), so with no recent
 * write a read costs one round trip, to the standby.
 */
final class ReadReplica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    /** How long a failed standby gets no reads: one slow attempt (the pool's connection timeout) per pause. */
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);
    /** How long a read waits for a standby connection before it counts the standby as failed. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    private static final int POOL_SIZE = 10;
    /** WAL positions as byte offsets; NULL on a server that never was a standby. */
    private static final String REPLAYED = "SELECT (pg_last_wal_replay_lsn() - '0/0')::bigint";
    /** The insert position is past every record inserted so far, including this node's commit just made. */
    private static final String INSERTED = "SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint";

    private final HikariDataSource dataSource;
    private final JdbcTemplate standby;
    private final JdbcTemplate primary;
    /** The primary's WAL position after this node's newest commit (0: none yet). */
    private final AtomicLong written = new AtomicLong();
    /** A commit whose position could not be read: the primary's current position is read before the next read. */
    private final AtomicBoolean writtenUnknown = new AtomicBoolean();
    /** The highest position the standby has been seen to have replayed. */
    private final AtomicLong replayed = new AtomicLong();
    private volatile boolean failing;
    private volatile long retryAtNanos;
    private final AtomicBoolean notStandbyLogged = new AtomicBoolean();
    private final Counter toStandby;
    private final Counter toPrimary;
    private final Counter failures;

    ReadReplica(ReadDataSourceProperties settings, JdbcTemplate primary, MeterRegistry meters) {
        var config = new HikariConfig();
        config.setPoolName("history-read");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setReadOnly(true);
        // The app starts (and reads from the primary) while the standby is down.
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
        this.standby = new JdbcTemplate(dataSource);
        this.primary = primary;
        this.toStandby = meters.counter("fedsearch.history.reads", "database", "standby");
        this.toPrimary = meters.counter("fedsearch.history.reads", "database", "primary");
        this.failures = meters.counter("fedsearch.history.standby.failures");
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Called after each commit of history records on the primary, on the committing thread; never throws. */
    void committed() {
        try {
            Long position = primary.queryForObject(INSERTED, Long.class);
            if (position != null) written.accumulateAndGet(position, Math::max);
        } catch (DataAccessException e) {
            writtenUnknown.set(true);
        }
    }

    /** A listing read: on the standby when it has replayed this node's newest commit and answers, else the primary. */
    <R, T> T read(R onPrimary, R onStandby, Function<R, T> call) {
        return read(onPrimary, onStandby, call, () -> true);
    }

    /**
     * @param retryable whether a read that failed on the standby may be run again on the primary (false once an
     *                  export has streamed rows)
     */
    <R, T> T read(R onPrimary, R onStandby, Function<R, T> call, BooleanSupplier retryable) {
        if (usable()) {
            try {
                if (caughtUp()) {
                    T answer = call.apply(onStandby);
                    succeeded();
                    return answer;
                }
            } catch (QueryTimeoutException e) {
                throw e;
            } catch (DataAccessException e) {
                failed(e);
                if (!retryable.getAsBoolean()) throw e;
            }
        }
        toPrimary.increment();
        return call.apply(onPrimary);
    }

    /** A read by id: the standby's answer when it has the query, else the primary's. */
    <R, T> Optional<T> find(R onPrimary, R onStandby, Function<R, Optional<T>> call) {
        if (usable()) {
            try {
                Optional<T> found = call.apply(onStandby);
                if (found.isPresent()) {
                    succeeded();
                    return found;
                }
            } catch (DataAccessException e) {
                failed(e);
            }
        }
        toPrimary.increment();
        return call.apply(onPrimary);
    }

    private boolean usable() {
        return !failing || System.nanoTime() - retryAtNanos >= 0;
    }

    /** Whether the standby has replayed this node's newest commit; asks the standby only when unsure. */
    private boolean caughtUp() {
        if (writtenUnknown.getAndSet(false)) {
            // Cleared first, so a commit failing meanwhile sets it again rather than being forgotten.
            try {
                Long position = primary.queryForObject(INSERTED, Long.class);
                if (position != null) written.accumulateAndGet(position, Math::max);
            } catch (DataAccessException e) {
                writtenUnknown.set(true);
                return false;
            }
        }
        long needed = written.get();
        if (needed <= replayed.get()) return true;
        Long position = standby.queryForObject(REPLAYED, Long.class);
        if (position == null) {
            if (notStandbyLogged.compareAndSet(false, true)) {
                log.warn("fedsearch.history.read-datasource is not a streaming standby (pg_last_wal_replay_lsn() is"
                        + " null): history reads stay on the primary");
            }
            return false;
        }
        return replayed.accumulateAndGet(position, Math::max) >= needed;
    }

    private void succeeded() {
        toStandby.increment();
        if (failing) {
            failing = false;
            log.info("history reads are back on fedsearch.history.read-datasource");
        }
    }

    private void failed(DataAccessException e) {
        failures.increment();
        retryAtNanos = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
        if (!failing) {
            failing = true;
            log.warn("fedsearch.history.read-datasource failed, history reads go to the primary (retried every {} s):"
                    + " {}", PAUSE_AFTER_FAILURE.toSeconds(), e.getMostSpecificCause().getMessage());
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
