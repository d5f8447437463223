package io.fedsearch.history;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Placeholder until the JDBC query log lands: ids from a counter, records kept nowhere. */
@Component
class InMemoryQueryLog implements QueryLog {

    private final AtomicLong ids = new AtomicLong();

    @Override
    public long nextId() {
        return ids.incrementAndGet();
    }

    @Override
    public void append(QueryRecord record) {
    }
}
