package io.fedsearch.history.internal;

import io.fedsearch.history.QueryHistory;
import io.fedsearch.history.QueryRecord;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** History reads on a streaming standby where {@link ReadReplica} allows, else on the primary. */
final class RoutedQueryHistory implements QueryHistory {

    private final QueryHistory primary;
    private final QueryHistory standby;
    private final ReadReplica replica;

    RoutedQueryHistory(QueryHistory primary, QueryHistory standby, ReadReplica replica) {
        this.primary = primary;
        this.standby = standby;
        this.replica = replica;
    }

    @Override
    public Slice newestFirst(String principal, long fromMs, long toMs, Position after, int limit) {
        return replica.read(primary, standby, h -> h.newestFirst(principal, fromMs, toMs, after, limit));
    }

    @Override
    public void forEachOldestFirst(String principal, long fromMs, long toMs, Consumer<QueryRecord> sink) {
        // Rows already written to the response cannot be taken back: only an export that sent nothing is retried.
        var streamed = new AtomicBoolean();
        Consumer<QueryRecord> counting = r -> {
            streamed.set(true);
            sink.accept(r);
        };
        replica.read(primary, standby, h -> {
            h.forEachOldestFirst(principal, fromMs, toMs, counting);
            return null;
        }, () -> !streamed.get());
    }

    @Override
    public ResultPage results(ResultFilter filter, long offset, int limit) {
        return replica.read(primary, standby, h -> h.results(filter, offset, limit));
    }

    @Override
    public int resultWindow() {
        return primary.resultWindow();
    }

    @Override
    public List<ProviderCall> callsOfType(String providerType, Collection<String> providers, String principal,
                                          long fromMs, long toMs) {
        return replica.read(primary, standby, h -> h.callsOfType(providerType, providers, principal, fromMs, toMs));
    }

    @Override
    public List<StoredResult> resultsOf(List<String> providers, String principal, long offset, int limit) {
        return replica.read(primary, standby, h -> h.resultsOf(providers, principal, offset, limit));
    }

    @Override
    public List<AskedQuery> mostAsked(long fromMs, Collection<String> restrictedProviders, int limit) {
        return replica.read(primary, standby, h -> h.mostAsked(fromMs, restrictedProviders, limit));
    }

    @Override
    public List<AskedOnce> askedBetween(long fromMs, long toMs, Collection<String> restrictedProviders, int limit) {
        return replica.read(primary, standby, h -> h.askedBetween(fromMs, toMs, restrictedProviders, limit));
    }
}
