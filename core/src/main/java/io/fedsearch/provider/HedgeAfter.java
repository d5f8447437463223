package io.fedsearch.provider;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * When a provider's call, still unanswered, gets a second identical call ({@code hedge-after}): a fixed delay, or
 * the provider's recent 95th percentile latency ({@code p95}).
 *
 * @param delay the fixed delay; null for {@code p95}
 */
public record HedgeAfter(Duration delay) {

    static final HedgeAfter P95 = new HedgeAfter(null);

    /** {@code p95} or a positive duration such as 100ms; null when not set (no hedging). */
    static HedgeAfter parse(String value) {
        if (value == null) return null;
        if (value.strip().equalsIgnoreCase("p95")) return P95;
        Duration delay;
        try {
            delay = DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(value);
        }
        if (delay.isZero() || delay.isNegative()) throw invalid(value);
        return new HedgeAfter(delay);
    }

    public boolean p95() {
        return delay == null;
    }

    private static InvalidConfigurationException invalid(String value) {
        return new InvalidConfigurationException("hedge-after", value, "p95 or a positive duration such as 100ms");
    }
}
