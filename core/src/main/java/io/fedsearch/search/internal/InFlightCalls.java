package io.fedsearch.search.internal;

import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.search.ProviderOutcome.Trace;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Identical provider calls in flight at once share one: the first caller starts it on a virtual thread of its own,
 * later ones wait on the same future, each under its own deadline. The call is forgotten as soon as it ends, so
 * only a call still running is ever shared (a finished answer is the cache's business, with its own rules).
 * The threads are bounded by the distinct calls in flight, and each of those passes the provider's bulkhead.
 */
final class InFlightCalls implements AutoCloseable {

    /** What makes two calls identical: the provider and the whole query, the caller's provider user id included. */
    record Key(String provider, ProviderQuery query) {
    }

    /** How one call ended: a page, or the exception that stopped it; the trace either way. */
    record Fetched(ProviderPage page, Exception error, Trace trace) {
    }

    /**
     * A call in flight; {@code sent} is the request once it is built, for the trace of a waiter that gives up;
     * {@code hedged} is set once a second, hedging call went out, for every waiter's span.
     */
    record Shared(CompletableFuture<Fetched> result, AtomicReference<UpstreamRequest> sent, AtomicBoolean hedged) {
    }

    private final Map<Key, Shared> calls = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * The call in flight for {@code key}, started with {@code call} when there is none.
     *
     * @param call runs the call, given the shared call to note what it sends and whether it hedged; must not throw
     * @return the shared call and whether this caller joined one already running
     */
    Joined join(Key key, Function<Shared, Fetched> call) {
        var mine = new Shared(new CompletableFuture<>(), new AtomicReference<>(), new AtomicBoolean());
        Shared running = calls.putIfAbsent(key, mine);
        if (running != null) return new Joined(running, true);
        try {
            threads.execute(() -> {
                Fetched fetched;
                try {
                    fetched = call.apply(mine);
                } catch (RuntimeException e) {
                    fetched = new Fetched(null, e, Trace.NONE);
                }
                end(key, mine, fetched);
            });
        } catch (RejectedExecutionException shuttingDown) {
            end(key, mine, new Fetched(null, shuttingDown, Trace.NONE));
        }
        return new Joined(mine, false);
    }

    private void end(Key key, Shared shared, Fetched fetched) {
        calls.remove(key, shared);
        shared.result().complete(fetched);
    }

    /** @param coalesced true when the caller joined a call another caller had started */
    record Joined(Shared shared, boolean coalesced) {
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
