package io.fedsearch.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Buckets held in this process: the default with one replica, and each replica's fallback while the shared Redis
 * is down ({@link RedisRateLimits}). A bucket idle for an hour is full again, so it is
 * dropped then; at most 1,000,000 buckets are held (the least recently used go first).
 */
final class LocalRateLimits implements RateLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    @Override
    public Outcome consume(String bucket, Limit limit) {
        return new Outcome(bucket(bucket, limit).tryConsumeAndReturnRemaining(1), limit);
    }

    /**
     * The bucket is made with the first limit it is asked with. A key's limits cannot change (a new key is made
     * instead), so a bucket is never asked with another.
     */
    private Bucket bucket(String bucket, Limit limit) {
        return buckets.get(bucket, b -> {
            var builder = Bucket.builder();
            for (Bandwidth bandwidth : RateLimits.configuration(limit).getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }
}
