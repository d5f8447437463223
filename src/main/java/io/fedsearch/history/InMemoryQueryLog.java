package io.fedsearch.history;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Placeholder until the JDBC query log lands: ids from a counter, records in memory. */
@Component
class InMemoryQueryLog implements QueryLog {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, QueryRecord> records = new ConcurrentHashMap<>();

    @Override
    public long nextId() {
        return ids.incrementAndGet();
    }

    @Override
    public void append(QueryRecord record) {
        records.put(record.queryId(), record);
    }

    @Override
    public Optional<QueryRecord> find(long queryId) {
        return Optional.ofNullable(records.get(queryId));
    }
}
