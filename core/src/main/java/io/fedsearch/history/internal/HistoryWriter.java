package io.fedsearch.history.internal;

import io.fedsearch.history.QueryRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Writes query records off the request path: a bounded queue drained in JDBC batches by one background thread.
 * <ul>
 * <li>Queue full while writes succeed: the request writes its own record before it answers
 * ({@code fedsearch.history.sync.writes}), which slows callers to the pace the database takes.</li>
 * <li>Database down: the batch is retried with backoff (100 ms doubling to {@code retry-max}); records wait in the
 * queue (bounded by {@code queue-capacity} + {@code batch-size}, gauge {@code fedsearch.history.backlog}). A record
 * that finds the queue full while writes are failing is dropped at once ({@code fedsearch.history.dropped},
 * logged): the request never waits for a database that is down (that wait is the pool's connection timeout,
 * 30 s by default, and the write would fail anyway).</li>
 * <li>A record rejected by the database itself (a constraint) is isolated by writing its batch one by one and is
 * dropped alone; an id already stored (a commit whose answer was lost) counts as written.</li>
 * <li>Shutdown: stopped in a late phase (after the web server, before the DataSource closes), it writes everything
 * queued, waiting at most {@code shutdown-timeout}.</li>
 * </ul>
 * Every record stays in {@link #pending} until committed, so {@link #pending(long)} gives read-your-writes.
 * <p>
 * With a {@link Journal}, {@link #submit} first appends the record to it (a local file), so a process killed
 * before the commit loses nothing: the next start loads the records the dead process left (at {@link #start},
 * before the web server takes requests, into {@link #pending}, so they are readable by id at once) and writes
 * those not yet stored before the queue, retrying as for any batch while the database is down.
 */
final class HistoryWriter implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final long POLL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final JdbcBatchInsert store;
    private final HistoryProperties settings;
    /** Null when fedsearch.history.journal is empty. */
    private final Journal journal;
    /** Records left in the journal by a process that died, written before the queue; writer thread only. */
    private final Deque<Replay> replays = new ArrayDeque<>();
    private final BlockingQueue<QueryRecord> queue;
    private final Map<Long, QueryRecord> pending = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter written;
    private final Counter syncWrites;
    private final Counter dropped;
    private final Counter failures;
    private final Timer batchTimer;
    private volatile boolean stopping;
    private volatile boolean running;
    private volatile String lastError;
    private volatile long failingSinceMs;
    private volatile boolean dropLogged;
    private Thread thread;

    HistoryWriter(JdbcBatchInsert store, HistoryProperties settings, MeterRegistry meters) {
        this(store, settings, meters, null);
    }

    HistoryWriter(JdbcBatchInsert store, HistoryProperties settings, MeterRegistry meters, Journal journal) {
        this.store = store;
        this.settings = settings;
        this.journal = journal;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.written = meters.counter("fedsearch.history.written");
        this.syncWrites = meters.counter("fedsearch.history.sync.writes");
        this.dropped = meters.counter("fedsearch.history.dropped");
        this.failures = meters.counter("fedsearch.history.write.failures");
        this.batchTimer = meters.timer("fedsearch.history.batch");
        meters.gauge("fedsearch.history.backlog", this, HistoryWriter::backlog);
    }

    /** Keeps the record; waits for the database only when the queue is full and the database is answering. */
    void submit(QueryRecord record) {
        if (journal != null) journal.append(record);
        pending.put(record.queryId(), record);
        if (!stopping && queue.offer(record)) return;
        if (failingSinceMs != 0) {
            forget(record);
            dropped.increment();
            // Once per outage: a flood of lines would slow every request that drops one.
            if (!dropLogged) {
                dropLogged = true;
                log.error("query {} and others dropped: the history queue is full and the database is failing since {}"
                        + " (counted in fedsearch.history.dropped)", record.queryId(), Instant.ofEpochMilli(failingSinceMs));
            }
            return;
        }
        syncWrites.increment();
        try {
            store.insert(List.of(record));
            written.increment();
        } catch (DuplicateKeyException e) {
            written.increment();
        } catch (RuntimeException e) {
            dropped.increment();
            log.error("query {} dropped: the history queue is full and the database refused it: {}",
                    record.queryId(), e.getMessage());
        } finally {
            forget(record);
        }
    }

    /** The record of a query not yet committed, or null. */
    QueryRecord pending(long queryId) {
        return pending.get(queryId);
    }

    /** Records accepted but not yet committed: queued plus the batch being written. */
    int backlog() {
        return queue.size() + inFlight.get();
    }

    /** Why writes fail, in plain words for the public health body (the log has the exception's message). */
    String lastError() {
        return lastError;
    }

    /** Since when writes fail (epoch ms), 0 while they succeed. */
    long failingSinceMs() {
        return failingSinceMs;
    }

    double droppedCount() {
        return dropped.count();
    }

    @Override
    public synchronized void start() {
        if (running) return;
        stopping = false;
        if (journal != null) loadLeftovers();
        thread = Thread.ofPlatform().daemon().name("history-writer").start(this::run);
        running = true;
    }

    @Override
    public void stop() {
        Thread writer;
        synchronized (this) {
            if (!running) return;
            stopping = true;
            writer = thread;
        }
        try {
            if (!writer.join(settings.shutdownTimeout().plusSeconds(1))) writer.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A record queued in the instant the writer exited is written here rather than lost.
        var left = new ArrayList<QueryRecord>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            try {
                write(left);
            } catch (RuntimeException e) {
                dropped.increment(left.size());
                log.error("{} query records not written at shutdown: {}", left.size(), e.getMessage());
            }
        }
        // Not written: kept on disk for the next start.
        for (Replay replay : replays) replay.leftover().release();
        replays.clear();
        if (journal != null) journal.close();
        running = false;
    }

    /** Reads the journal segments of dead processes (files only) and makes their records readable by id. */
    private void loadLeftovers() {
        int records = 0;
        for (Journal.Leftover leftover : journal.claimLeftovers()) {
            for (QueryRecord r : leftover.records()) pending.putIfAbsent(r.queryId(), r);
            replays.add(new Replay(leftover));
            records += leftover.records().size();
        }
        if (!replays.isEmpty()) {
            log.info("journal {}: {} query records left by {} stopped process(es) are written now (those not stored"
                    + " yet)", journal.directory(), records, replays.size());
        }
    }

    /** Also when the start failed after this bean was made (stop() never runs then): frees the journal's lock. */
    @Override
    public void destroy() {
        if (journal != null) journal.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Low: started before the web server takes requests, stopped after it has drained them. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void run() {
        var batch = new ArrayList<QueryRecord>(settings.batchSize());
        Duration backoff = FIRST_RETRY;
        long giveUpAt = Long.MAX_VALUE;
        boolean replaying = false;
        while (true) {
            try {
                if (batch.isEmpty()) {
                    if (stopping && queue.isEmpty()) return;
                    replaying = !stopping && nextReplay(batch);
                    if (!replaying) fill(batch);
                    inFlight.set(batch.size());
                    if (batch.isEmpty()) continue;
                }
                if (replaying) replay(batch); else write(batch);
                batch.clear();
                inFlight.set(0);
                backoff = FIRST_RETRY;
                failingSinceMs = 0;
                dropLogged = false;
                lastError = null;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failures.increment();
                if (failingSinceMs == 0) {
                    failingSinceMs = System.currentTimeMillis();
                    log.error("history writes failing, {} records waiting, retrying: {}", backlog(), e.getMessage());
                }
                lastError = plainly(e);
                if (stopping) {
                    if (giveUpAt == Long.MAX_VALUE) giveUpAt = System.nanoTime() + settings.shutdownTimeout().toNanos();
                    if (System.nanoTime() > giveUpAt) {
                        // A leftover's batch is not lost: its segments stay for the next start.
                        int lost = (replaying ? 0 : batch.size()) + queue.size();
                        dropped.increment(lost);
                        log.error("{} query records not written at shutdown: {}", lost, e.getMessage());
                        return;
                    }
                }
                if (!pause(backoff)) return;
                backoff = backoff.multipliedBy(2).compareTo(settings.retryMax()) > 0 ? settings.retryMax() : backoff.multipliedBy(2);
            }
        }
    }

    /** Takes what is queued, waiting up to {@code linger} for a full batch; returns quickly when stopping. */
    private void fill(List<QueryRecord> batch) throws InterruptedException {
        QueryRecord first = queue.poll(POLL_SLICE_NANOS, TimeUnit.NANOSECONDS);
        if (first == null) return;
        batch.add(first);
        long deadline = System.nanoTime() + settings.linger().toNanos();
        while (batch.size() < settings.batchSize()) {
            queue.drainTo(batch, settings.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= settings.batchSize() || stopping || left <= 0) return;
            QueryRecord next = queue.poll(Math.min(left, POLL_SLICE_NANOS), TimeUnit.NANOSECONDS);
            if (next != null) batch.add(next);
        }
    }

    /** The next batch of the oldest leftover; a leftover all written is deleted. False when none is left. */
    private boolean nextReplay(List<QueryRecord> batch) {
        while (!replays.isEmpty()) {
            Replay replay = replays.peek();
            List<QueryRecord> records = replay.leftover().records();
            if (replay.next < records.size()) {
                batch.addAll(records.subList(replay.next, Math.min(records.size(), replay.next + settings.batchSize())));
                return true;
            }
            replay.leftover().discard();
            replays.poll();
            log.info("journal: {} records of a stopped process stored ({} were stored already)", records.size(),
                    records.size() - replay.inserted);
        }
        return false;
    }

    /** Stores the records of {@code batch} not stored yet (the dead process may have committed some). */
    private void replay(List<QueryRecord> batch) {
        Replay replay = replays.peek();
        int refused = 0;
        try {
            replay.inserted += store.insertMissing(batch);
        } catch (DataIntegrityViolationException e) {
            // One the database refuses must not hold back the others: as write() does, one by one.
            for (QueryRecord record : batch) {
                try {
                    replay.inserted += store.insertMissing(List.of(record));
                } catch (DataIntegrityViolationException refusal) {
                    refused++;
                    dropped.increment();
                    log.error("query {} dropped: the database refused it: {}", record.queryId(), refusal.getMessage());
                }
            }
        }
        replay.next += batch.size();
        written.increment(batch.size() - refused);
        for (QueryRecord r : batch) pending.remove(r.queryId());
    }

    /** Gives up on a record: no longer pending, nor kept in the journal. */
    private void forget(QueryRecord record) {
        pending.remove(record.queryId());
        if (journal != null) journal.done(record.queryId());
    }

    private void write(List<QueryRecord> batch) {
        try {
            batchTimer.record(() -> store.insert(batch));
            committed(batch);
        } catch (DataIntegrityViolationException e) {
            // One record the database refuses (or one already stored) must not hold back the others.
            for (QueryRecord record : batch) {
                try {
                    store.insert(List.of(record));
                } catch (DuplicateKeyException duplicate) {
                    log.debug("query {} was already stored", record.queryId());
                } catch (DataIntegrityViolationException refused) {
                    dropped.increment();
                    forget(record);
                    log.error("query {} dropped: the database refused it: {}", record.queryId(), refused.getMessage());
                    continue;
                }
                committed(List.of(record));
            }
        }
    }

    private void committed(List<QueryRecord> batch) {
        written.increment(batch.size());
        for (QueryRecord r : batch) forget(r);
    }

    /** A leftover being written: how far, and how many were not stored yet. */
    private static final class Replay {
        private final Journal.Leftover leftover;
        int next;
        int inserted;

        Replay(Journal.Leftover leftover) {
            this.leftover = leftover;
        }

        Journal.Leftover leftover() {
            return leftover;
        }
    }

    private static String plainly(RuntimeException e) {
        return switch (e) {
            case DataAccessResourceFailureException _, TransientDataAccessResourceException _,
                 CannotCreateTransactionException _ -> "database unreachable";
            case QueryTimeoutException _ -> "database did not answer in time";
            default -> "database refused the write";
        };
    }

    /** Backoff between attempts; false when interrupted. */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
