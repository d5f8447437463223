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
 * per 50 queries. A reserve of blocks is refilled in the background so a short database outage does not stop
 * searches. Should the reserve run dry while the database is down, ids are drawn at random from [2^62, 2^63):
 * far above any sequence value, unique with overwhelming probability, and counted in
 * {@code fedsearch.history.ids.fallback}.
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

    IdBlocks(DataFieldMaxValueIncrementer sequence, int reserveIds, MeterRegistry meters) {
        this.sequence = sequence;
        this.reserveBlocks = Math.max(1, reserveIds / BLOCK);
        this.fallbacks = meters.counter("fedsearch.history.ids.fallback");
    }

    long next() {
        Long start = null;
        synchronized (this) {
            if (next < limit) {
                long id = next++;
                refillIfLow();
                return id;
            }
            if (!blocks.isEmpty()) {
                start = blocks.poll();
            }
        }
        if (start == null) {
            try {
                start = sequence.nextLongValue();
            } catch (DataAccessException e) {
                fallbacks.increment();
                log.warn("no query id from the database ({}); using a random fallback id", e.getMessage());
                return FALLBACK_BASE + ThreadLocalRandom.current().nextLong(FALLBACK_BASE);
            }
        }
        synchronized (this) {
            if (next < limit) {
                // Another thread took a block meanwhile: keep ours for later.
                blocks.addFirst(start);
            } else {
                next = start;
                limit = start + BLOCK;
            }
            long id = next++;
            refillIfLow();
            return id;
        }
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
            log.debug("query id reserve not refilled: {}", e.getMessage());
        } finally {
            synchronized (this) {
                refilling = false;
            }
        }
    }
}
