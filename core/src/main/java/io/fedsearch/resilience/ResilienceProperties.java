package io.fedsearch.resilience;

import io.fedsearch.provider.InvalidConfigurationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.resilience.*}: the circuit breaker every provider gets; checked at start-up, a bad value stops the
 * start naming the key.
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

    ResilienceProperties {
        atLeast("window", window, 1);
        atLeast("minimum-calls", minimumCalls, 1);
        atLeast("half-open-calls", halfOpenCalls, 1);
        percent("failure-rate", failureRate);
        percent("slow-call-rate", slowCallRate);
        if (!(slowCallShare > 0 && slowCallShare <= 1)) {
            throw invalid("slow-call-share", slowCallShare, "a share above 0 and at most 1");
        }
        positive("open-wait", openWait);
        positive("max-open-wait", maxOpenWait);
        positive("suspension", suspension);
        if (maxOpenWait.compareTo(openWait) < 0) {
            throw invalid("max-open-wait", maxOpenWait, "at least open-wait (" + openWait + ")");
        }
    }

    private static void atLeast(String key, int value, int min) {
        if (value < min) throw invalid(key, value, "a whole number from " + min);
    }

    private static void percent(String key, float value) {
        if (!(value > 0 && value <= 100)) throw invalid(key, value, "a percentage above 0 and at most 100");
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw invalid(key, value, "a positive duration such as 5s");
        }
    }

    private static InvalidConfigurationException invalid(String key, Object value, String allowed) {
        return new InvalidConfigurationException("fedsearch.resilience." + key, value, allowed);
    }
}
