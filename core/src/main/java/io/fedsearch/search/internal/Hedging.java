package io.fedsearch.search.internal;

import io.fedsearch.provider.HedgeAfter;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.resilience.ProviderGuard;
import io.fedsearch.search.ProviderOutcome.Trace;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hedged calls, for providers with {@code hedge-after}: when the first call has not answered by then, a second
 * identical call goes out; the first page wins and the other call is cancelled (interrupted, which aborts its
 * exchange). Each call earns its provider 0.05 of a hedge and a hedge costs a whole one, so hedges stay within
 * 5 % extra calls; at most five are saved up, so a long calm does not buy a burst of them.
 */
final class Hedging implements AutoCloseable {

    /** In hundredths of a hedge, so twenty calls earn exactly one. */
    static final int EARNED_PER_CALL = 5;
    static final int HEDGE_COST = 100;
    static final int MOST_SAVED = 5 * HEDGE_COST;
    private static final Logger log = LoggerFactory.getLogger(Hedging.class);

    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Runs {@code attempt} once, or twice when the provider hedges, the first is slow and the budget allows.
     *
     * @param attempt one call through the guard; must not throw; its own deadline ends it
     * @param hedging told when the second call goes out (the first is still running then)
     */
    InFlightCalls.Fetched call(ProviderInfo info, ProviderGuard guard, Deadline deadline,
                               Supplier<InFlightCalls.Fetched> attempt, Runnable hedging) {
        if (info.hedgeAfter() == null) return attempt.get();
        Budget budget = budgets.computeIfAbsent(info.id(), id -> new Budget());
        budget.earn();
        Duration after = delay(info.hedgeAfter(), guard);
        if (after == null || after.compareTo(deadline.remaining()) >= 0) return attempt.get();
        var done = new ExecutorCompletionService<InFlightCalls.Fetched>(threads);
        Future<InFlightCalls.Fetched> first = done.submit(attempt::get);
        Future<InFlightCalls.Fetched> second = null;
        try {
            Future<InFlightCalls.Fetched> answered = done.poll(after.toNanos(), TimeUnit.NANOSECONDS);
            if (answered != null) return answered.get();
            if (!budget.spend()) return first.get();
            log.debug("provider {}: no answer after {} ms, hedging", info.id(), after.toMillis());
            hedging.run();
            second = done.submit(attempt::get);
            InFlightCalls.Fetched winner = done.take().get();
            // A failure does not win while the other call may still bring a page.
            return winner.page() != null ? winner : done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InFlightCalls.Fetched(null, e, Trace.NONE);
        } catch (ExecutionException e) {
            return new InFlightCalls.Fetched(null, e, Trace.NONE);
        } finally {
            first.cancel(true);
            if (second != null) second.cancel(true);
        }
    }

    /** The fixed delay, or the provider's recent p95; null while it has no latency to go by. */
    private static Duration delay(HedgeAfter hedgeAfter, ProviderGuard guard) {
        if (!hedgeAfter.p95()) return hedgeAfter.delay();
        double p95Ms = guard.snapshot().p95Ms();
        return p95Ms > 0 ? Duration.ofNanos((long) (p95Ms * 1_000_000)) : null;
    }

    /** A provider's saved-up hedges. */
    private static final class Budget {
        private int saved;

        synchronized void earn() {
            saved = Math.min(MOST_SAVED, saved + EARNED_PER_CALL);
        }

        synchronized boolean spend() {
            if (saved < HEDGE_COST) return false;
            saved -= HEDGE_COST;
            return true;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
