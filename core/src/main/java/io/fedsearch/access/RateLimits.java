package io.fedsearch.access;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Call budgets, one Bucket4j bucket per API key ({@code key:<id>}) or anonymous client address
 * ({@code ip:<address>}), each with two limits: a burst of {@code perSecond} calls refilled whole every second,
 * and {@code perHour} calls refilled gradually over the hour. In process by default ({@link LocalRateLimits});
 * shared by all replicas with Redis ({@link RedisRateLimits}), and split among them while Redis is down.
 */
interface RateLimits {

    /** @param perSecond calls per second, at least 1; @param perHour calls per hour, at least 1 */
    record Limit(int perSecond, int perHour) {

        /**
         * One replica's part when {@code replicas} replicas each keep their own bucket: 1/N of each limit, rounded
         * down so that together they stay within the budget, but at least 1 (a key is never shut out).
         */
        Limit share(int replicas) {
            return new Limit(Math.max(1, perSecond / replicas), Math.max(1, perHour / replicas));
        }
    }

    /**
     * @param probe   whether the call was allowed and when budget comes back
     * @param applied the limit that was applied: the caller's, or its per-replica share while Redis is down
     */
    record Outcome(ConsumptionProbe probe, Limit applied) {
    }

    /** Takes one call from the bucket. */
    Outcome consume(String bucket, Limit limit);

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(b -> b.capacity(limit.perSecond()).refillIntervally(limit.perSecond(), Duration.ofSeconds(1)))
                .addLimit(b -> b.capacity(limit.perHour()).refillGreedy(limit.perHour(), Duration.ofHours(1)))
                .build();
    }
}
