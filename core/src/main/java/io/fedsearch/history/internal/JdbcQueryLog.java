package io.fedsearch.history.internal;

import io.fedsearch.access.FeatureFlags;
import io.fedsearch.history.QueryLog;
import io.fedsearch.history.QueryRecord;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The query log on a JDBC database (H2 or PostgreSQL): ids from the {@code query_ids} sequence in blocks,
 * records handed to the background {@link HistoryWriter}, reads by id from the writer's pending records first,
 * then the database. With the feature flag {@code history} off, queries still get ids but are not kept.
 */
final class JdbcQueryLog implements QueryLog {

    private final IdBlocks ids;
    private final HistoryWriter writer;
    private final LongFunction<Optional<QueryRecord>> stored;
    private final FeatureFlags flags;

    /** @param stored a committed query by id (from the primary, or a standby first: {@link ReadReplica#find}) */
    JdbcQueryLog(IdBlocks ids, HistoryWriter writer, LongFunction<Optional<QueryRecord>> stored, FeatureFlags flags) {
        this.ids = ids;
        this.writer = writer;
        this.stored = stored;
        this.flags = flags;
    }

    @Override
    public long nextId() {
        return ids.next();
    }

    @Override
    public void append(QueryRecord record) {
        if (flags.enabled("history")) writer.submit(record);
    }

    @Override
    public Optional<QueryRecord> find(long queryId) {
        QueryRecord pending = writer.pending(queryId);
        if (pending != null) return Optional.of(pending);
        return stored.apply(queryId);
    }
}
