package io.fedsearch.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.resilience.*}: the circuit breaker every provider gets.
 *
 * @param window         calls in the count-based window
 * @param minimumCalls   calls before the breaker judges at all
 * @param failureRate    percent of failed (or timed-out) calls that opens it
 * @param slowCallRate   percent of slow calls that opens it
 * @param slowCallShare  a call is slow when it takes more than this share of the provider's timeout
 * @param openWait       first stay in open; doubles while half-open probes fail ...
 * @param maxOpenWait    ... up to this
 * @param halfOpenCalls  probe calls let through when half-open
 * @param suspension     how long an upstream 429/503 without Retry-After suspends the provider
 */
@ConfigurationProperties("fedsearch.resilience")
record ResilienceProperties(
        @DefaultValue("20") int window,
        @DefaultValue("5") int minimumCalls,
        @DefaultValue("50") float failureRate,
        @DefaultValue("50") float slowCallRate,
        @DefaultValue("0.8") double slowCallShare,
        @DefaultValue("5s") Duration openWait,
        @DefaultValue("120s") Duration maxOpenWait,
        @DefaultValue("3") int halfOpenCalls,
        @DefaultValue("60s") Duration suspension) {
}
