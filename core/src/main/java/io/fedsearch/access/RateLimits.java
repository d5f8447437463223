package io.fedsearch.access;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Call budgets, one Bucket4j bucket per API key ({@code key:<id>}) or anonymous client address
 * ({@code ip:<address>}), each with two limits: a burst of {@code perSecond} calls refilled whole every second,
 * and {@code perHour} calls refilled gradually over the hour. In process by default ({@link LocalRateLimits});
 * shared by all replicas with Redis ({@link RedisRateLimits}).
 */
interface RateLimits {

    /** @param perSecond calls per second, at least 1; @param perHour calls per hour, at least 1 */
    record Limit(int perSecond, int perHour) {
    }

    /** Takes one call from the bucket; the probe says whether it was allowed and when budget comes back. */
    ConsumptionProbe consume(String bucket, Limit limit);

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(b -> b.capacity(limit.perSecond()).refillIntervally(limit.perSecond(), Duration.ofSeconds(1)))
                .addLimit(b -> b.capacity(limit.perHour()).refillGreedy(limit.perHour(), Duration.ofHours(1)))
                .build();
    }
}
