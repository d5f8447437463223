package io.fedsearch.resilience;

import io.fedsearch.provider.ProviderInfo;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything that stands between the core and one provider. A call passes, in this order:
 * <ol>
 *   <li>suspension after an upstream 429/503 (refused as circuit open until it ends),</li>
 *   <li>the circuit breaker (refused as circuit open),</li>
 *   <li>the bulkhead of max-concurrency calls (refused as rejected, never queued),</li>
 *   <li>the min-interval slot, waited for only while the caller's budget allows (else rejected).</li>
 * </ol>
 * The call's end is then recorded on the breaker (a {@link TimeoutException} counts as a failure; a call
 * longer than the slow threshold counts as slow) and in the provider's metrics.
 */
public final class ProviderGuard {

    private final ProviderInfo provider;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Bucket interval;
    private final Timer latency;
    private final Counter calls;
    private final Counter errors;
    private final Counter timeouts;
    private volatile long suspendedUntilNanos = System.nanoTime();
    private volatile String suspendedWhy;

    ProviderGuard(ProviderInfo provider, CircuitBreaker breaker, Bulkhead bulkhead, Bucket interval, Timer latency,
                  Counter calls, Counter errors, Counter timeouts) {
        this.provider = provider;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.interval = interval;
        this.latency = latency;
        this.calls = calls;
        this.errors = errors;
        this.timeouts = timeouts;
    }

    /**
     * Runs one call through the guard.
     *
     * @param budget how long the caller can still wait, including for a min-interval slot
     * @throws ProviderCallRefusedException when the call was not let through (nothing was sent)
     * @throws Exception whatever the call threw, after recording it
     */
    public <T> T call(Duration budget, Callable<T> call) throws Exception {
        long start = System.nanoTime();
        if (start - suspendedUntilNanos < 0) {
            throw new ProviderCallRefusedException(ProviderCallRefusedException.Reason.CIRCUIT_OPEN, suspendedWhy);
        }
        if (!breaker.tryAcquirePermission()) {
            throw new ProviderCallRefusedException(ProviderCallRefusedException.Reason.CIRCUIT_OPEN, "circuit breaker is open");
        }
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            throw new ProviderCallRefusedException(ProviderCallRefusedException.Reason.REJECTED,
                    provider.maxConcurrency() + " calls already in flight");
        }
        try {
            if (interval != null && !interval.asBlocking().tryConsume(1, budget)) {
                breaker.releasePermission();
                throw new ProviderCallRefusedException(ProviderCallRefusedException.Reason.REJECTED,
                        "no call slot within the deadline (min-interval " + provider.minInterval() + ")");
            }
            return record(start, call);
        } finally {
            bulkhead.onComplete();
        }
    }

    private <T> T record(long start, Callable<T> call) throws Exception {
        long began = System.nanoTime();
        try {
            T result = call.call();
            long took = System.nanoTime() - began;
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            latency.record(took, TimeUnit.NANOSECONDS);
            calls.increment();
            return result;
        } catch (Exception e) {
            long took = System.nanoTime() - began;
            breaker.onError(took, TimeUnit.NANOSECONDS, e);
            latency.record(took, TimeUnit.NANOSECONDS);
            calls.increment();
            (e instanceof TimeoutException || e instanceof InterruptedException ? timeouts : errors).increment();
            throw e;
        }
    }

    /** Refuses every call for {@code duration}, as an upstream 429 or 503 asked. */
    public void suspend(Duration duration, String why) {
        suspendedWhy = "suspended for " + duration.toSeconds() + " s: " + why;
        suspendedUntilNanos = System.nanoTime() + duration.toNanos();
    }

    /** A point-in-time view for listings. */
    public GuardSnapshot snapshot() {
        double p50 = 0;
        double p95 = 0;
        for (ValueAtPercentile v : latency.takeSnapshot().percentileValues()) {
            if (v.percentile() == 0.5) p50 = v.value(TimeUnit.MILLISECONDS);
            if (v.percentile() == 0.95) p95 = v.value(TimeUnit.MILLISECONDS);
        }
        boolean suspended = System.nanoTime() - suspendedUntilNanos < 0;
        return new GuardSnapshot(suspended ? "suspended" : breaker.getState().name().toLowerCase(),
                (long) calls.count(), (long) errors.count(), (long) timeouts.count(), p50, p95);
    }

    CircuitBreaker breaker() {
        return breaker;
    }
}
