package io.fedsearch.history.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

/**
 * Hi/lo query ids: each value of the database sequence {@code query_ids} (INCREMENT BY 50) reserves the 50 ids
 * starting at it for this node, so replicas sharing one database never collide and the database is asked once
 * per 50 queries.
 * <p>
 * {@link #next()} never waits for the database: a search must answer within its deadline whatever the database
 * does, and asking it while it is unreachable waits the pool's connection timeout (30 s by default). The reserve
 * of blocks is filled by one background thread, from construction on and again whenever less than half of it is
 * left. Should the reserve be empty (the database has been down since start, or longer than the reserve lasts),
 * an id is drawn at once at random from [2^62, 2^63): far above any sequence value, unique with overwhelming
 * probability, and counted in {@code fedsearch.history.ids.fallback}.
 */
final class IdBlocks {

    static final int BLOCK = 50;
    private static final long FALLBACK_BASE = 1L << 62;
    private static final Logger log = LoggerFactory.getLogger(IdBlocks.class);

    private final DataFieldMaxValueIncrementer sequence;
    private final int reserveBlocks;
    private final Counter fallbacks;
    private final ArrayDeque<Long> blocks = new ArrayDeque<>();
    private long next;
    private long limit;
    private boolean refilling;
    private boolean warned;

    IdBlocks(DataFieldMaxValueIncrementer sequence, int reserveIds, MeterRegistry meters) {
        this.sequence = sequence;
        this.reserveBlocks = Math.max(1, reserveIds / BLOCK);
        this.fallbacks = meters.counter("fedsearch.history.ids.fallback");
        synchronized (this) {
            refillIfLow();
        }
    }

    long next() {
        synchronized (this) {
            if (next >= limit && !blocks.isEmpty()) {
                next = blocks.poll();
                limit = next + BLOCK;
            }
            refillIfLow();
            if (next < limit) {
                warned = false;
                return next++;
            }
            if (!warned) {
                warned = true;
                log.warn("no query id in reserve (the database has not answered yet); using random fallback ids");
            }
        }
        fallbacks.increment();
        return FALLBACK_BASE + ThreadLocalRandom.current().nextLong(FALLBACK_BASE);
    }

    /** Called holding the lock: starts one background refill when less than half the reserve is left. */
    private void refillIfLow() {
        if (refilling || blocks.size() * 2 >= reserveBlocks) return;
        refilling = true;
        Thread.ofVirtual().name("history-ids").start(this::refill);
    }

    private void refill() {
        try {
            while (true) {
                synchronized (this) {
                    if (blocks.size() >= reserveBlocks) return;
                }
                long start = sequence.nextLongValue();
                synchronized (this) {
                    blocks.add(start);
                }
            }
        } catch (DataAccessException e) {
            // The next id taken starts another refill; each waits the pool's timeout, so this does not spin.
            log.debug("query id reserve not refilled: {}", e.getMessage());
        } finally {
            synchronized (this) {
                refilling = false;
            }
        }
    }
}
