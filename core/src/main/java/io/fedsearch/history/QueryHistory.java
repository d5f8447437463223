package io.fedsearch.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reading the kept queries. Times are epoch milliseconds, UTC, bounds inclusive. Reads see what the store has
 * committed (on a read replica: at least every record this node has committed, docs/history.md); a query still
 * waiting to be written is found by {@link QueryLog#find} only. Where a read takes a
 * {@code principal}, only that principal's queries are read (in SQL, so pages stay full); null reads everyone's.
 */
public interface QueryHistory {

    /** Where a query sits in time order, (timestamp, id): the key of paging. */
    record Position(long timestampMs, long queryId) {

        /** Before every stored query: the start of a newest-first walk. */
        public static final Position NEWEST = new Position(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * One page of query records (without their results).
     *
     * @param next where the following page starts, null when this is the last one
     */
    record Slice(List<QueryRecord> records, Position next) {
    }

    /** Queries in [fromMs, toMs] strictly older than {@code after}, newest first, at most {@code limit}. */
    Slice newestFirst(String principal, long fromMs, long toMs, Position after, int limit);

    /** Every query in [fromMs, toMs] (without results), oldest first, streamed: memory stays constant. */
    void forEachOldestFirst(String principal, long fromMs, long toMs, Consumer<QueryRecord> sink);

    /**
     * Which stored results to read. Text filters are case-insensitive substrings, null = any.
     *
     * @param queryId   only this query's results, null = any
     * @param provider  only this provider id (exact, case-insensitive), null = any
     * @param principal only results of this principal's queries, null = everyone's
     * @param readable  only results of these providers (the ones the reader may still use), null = every provider
     */
    record ResultFilter(Long queryId, String provider, String author, String title, String journal, long fromMs,
                        long toMs, String principal, Collection<String> readable) {

        public ResultFilter {
            readable = readable == null ? null : List.copyOf(readable);
        }
    }

    /** One stored result with the query it answered. */
    record StoredResult(long queryId, Instant timestamp, QueryRecord.ResultRow row) {
    }

    /**
     * @param total every result matching the filter, not only this page, counted up to {@link #resultWindow()}
     * @param exact false when more than {@link #resultWindow()} match and {@code total} is that window
     */
    record ResultPage(long total, boolean exact, List<StoredResult> results) {
    }

    /**
     * Matching results, newest query first, then provider and rank; skips {@code offset}, at most {@code limit}.
     * {@code offset + limit} must not exceed {@link #resultWindow()}.
     */
    ResultPage results(ResultFilter filter, long offset, int limit);

    /**
     * How many matching results {@link #results} counts and pages through at most, so a read costs the same at
     * 10 thousand or 10 million stored results (fedsearch.history.result-window).
     */
    int resultWindow();

    /** One call made upstream by a provider of some type. */
    record ProviderCall(long queryId, Instant timestamp, QueryRecord.ProviderSummary summary) {
    }

    /**
     * Calls sent upstream (upstream_uri known) by providers of this type in [fromMs, toMs], oldest first; only of
     * {@code providers} (ids) and, unless null, of {@code principal}'s queries.
     */
    List<ProviderCall> callsOfType(String providerType, Collection<String> providers, String principal, long fromMs,
                                   long toMs);

    /**
     * Results returned by these providers (ids), oldest first; skips {@code offset}, at most {@code limit}. Read in
     * the order of the provider index, so a page costs about {@code offset + limit} entries however rare the
     * providers' results are; with several providers the matches are sorted first.
     */
    List<StoredResult> resultsOf(List<String> providers, String principal, long offset, int limit);

    /**
     * A free-text query as one principal asked it: how often, when last (epoch milliseconds), and whether any of
     * those searches asked one of the restricted providers.
     */
    record AskedQuery(String q, String principal, long asks, long lastAskedMs, boolean restricted) {
    }

    /**
     * The free-text queries asked since {@code fromMs} per principal, most asked first, at most {@code limit};
     * {@code restricted} marks those that asked one of {@code restrictedProviders} (ids).
     */
    List<AskedQuery> mostAsked(long fromMs, Collection<String> restrictedProviders, int limit);

    /** One stored search's free text, who asked it, and whether it asked one of the restricted providers. */
    record AskedOnce(long queryId, String q, String principal, long askedMs, boolean restricted) {
    }

    /** The stored searches with free text in [fromMs, toMs], oldest first, at most {@code limit}. */
    List<AskedOnce> askedBetween(long fromMs, long toMs, Collection<String> restrictedProviders, int limit);
}
