package io.fedsearch.resilience;

/**
 * A provider's guard at one moment.
 *
 * @param circuit closed, open, half_open, forced_open, disabled, metrics_only or suspended
 * @param p50Ms   median call latency over the last two minutes, in milliseconds
 * @param p95Ms   95th percentile call latency over the last two minutes, in milliseconds
 */
public record GuardSnapshot(String circuit, long calls, long errors, long timeouts, double p50Ms, double p95Ms) {
}
