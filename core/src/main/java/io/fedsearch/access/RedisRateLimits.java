package io.fedsearch.access;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buckets kept in the shared Redis (compare-and-swap by Bucket4j's Lettuce proxy manager), so every replica
 * draws from the same budget. Redis keys are {@code fedsearch:rl:<bucket>} and expire once the bucket would be
 * full again (plus 10 s). If Redis fails the call is let through and logged by the filter: an outage of the
 * shared state must not take the search API down.
 */
final class RedisRateLimits implements RateLimits {

    private final ProxyManager<String> buckets;

    RedisRateLimits(RedisClient client) {
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(Duration.ofSeconds(1))
                .build()
                .withMapper((String bucket) -> ("fedsearch:rl:" + bucket).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ConsumptionProbe consume(String bucket, Limit limit) {
        return buckets.builder().build(bucket, () -> RateLimits.configuration(limit)).tryConsumeAndReturnRemaining(1);
    }
}
