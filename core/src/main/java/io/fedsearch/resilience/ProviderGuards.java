package io.fedsearch.resilience;

import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The registry: one {@link ProviderGuard} per configured provider, built once from its settings. */
@Component
public class ProviderGuards {

    private final Map<String, ProviderGuard> guards = new LinkedHashMap<>();
    private final Duration defaultSuspension;

    ProviderGuards(ProviderCatalog catalog, ResilienceProperties settings, MeterRegistry meters) {
        this.defaultSuspension = settings.suspension();
        for (var entry : catalog.all()) {
            guards.put(entry.info().id(), build(entry.info(), settings, meters));
        }
    }

    /** One guard from a provider's settings: breaker, bulkhead, min-interval bucket and metrics. */
    static ProviderGuard build(ProviderInfo p, ResilienceProperties settings, MeterRegistry meters) {
        CircuitBreaker breaker = CircuitBreaker.of(p.id(), breakerConfig(p, settings));
        Bulkhead bulkhead = Bulkhead.of(p.id(), BulkheadConfig.custom()
                .maxConcurrentCalls(p.maxConcurrency()).maxWaitDuration(Duration.ZERO).build());
        Bucket interval = p.minInterval() == null || p.minInterval().isZero() ? null : Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, p.minInterval()).build()).build();
        Timer latency = Timer.builder("fedsearch.provider.latency").tag("provider", p.id())
                .publishPercentiles(0.5, 0.95).register(meters);
        Gauge.builder("fedsearch.provider.circuit.open", breaker, b -> b.getState() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .tag("provider", p.id()).description("1 while the provider's breaker is not closed").register(meters);
        return new ProviderGuard(p, breaker, bulkhead, interval, latency,
                counter(meters, p, "calls"), counter(meters, p, "errors"), counter(meters, p, "timeouts"));
    }

    private static CircuitBreakerConfig breakerConfig(ProviderInfo p, ResilienceProperties s) {
        long slowMillis = Math.max(1, (long) (p.timeout().toMillis() * s.slowCallShare()));
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.window())
                .minimumNumberOfCalls(s.minimumCalls())
                .failureRateThreshold(s.failureRate())
                .slowCallRateThreshold(s.slowCallRate())
                .slowCallDurationThreshold(Duration.ofMillis(slowMillis))
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
                .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(s.openWait(), 2.0, s.maxOpenWait()))
                .build();
    }

    private static Counter counter(MeterRegistry meters, ProviderInfo p, String what) {
        return Counter.builder("fedsearch.provider." + what).tag("provider", p.id()).register(meters);
    }

    /** How long an upstream 429/503 without a usable Retry-After suspends a provider. */
    public Duration defaultSuspension() {
        return defaultSuspension;
    }

    public ProviderGuard forProvider(String id) {
        ProviderGuard guard = guards.get(id);
        if (guard == null) {
            throw new IllegalArgumentException("no provider " + id);
        }
        return guard;
    }
}
