package io.fedsearch.access;

import io.fedsearch.state.SharedRedis;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.time.Duration;

/**
 * Buckets kept in the shared Redis (compare-and-swap by Bucket4j's Lettuce proxy manager), so every replica
 * draws from the same budget. Redis keys are {@code fedsearch:rl:<bucket>} and expire once the bucket would be
 * full again (plus 10 s).
 *
 * <p>While Redis is down (or a call to it fails, after at most {@code fedsearch.state.redis-timeout}) each replica
 * limits on its own, in process, at 1/N of every budget, N = {@code fedsearch.state.replicas}: the API stays up and
 * callers stay limited. Those local buckets start full; the shared ones are used again as soon as Redis answers.
 */
final class RedisRateLimits implements RateLimits {

    private static final String PREFIX = "fedsearch:rl:";

    private final SharedRedis redis;
    private final ProxyManager<String> buckets;
    private final LocalRateLimits fallback = new LocalRateLimits();

    RedisRateLimits(SharedRedis redis) {
        this.redis = redis;
        this.buckets = Bucket4jLettuce.casBasedBuilder(redis.binary())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(redis.timeout())
                .build();
    }

    @Override
    public Outcome consume(String bucket, Limit limit) {
        if (redis.available()) {
            try {
                var probe = buckets.builder().build(PREFIX + bucket, () -> RateLimits.configuration(limit))
                        .tryConsumeAndReturnRemaining(1);
                return new Outcome(probe, limit);
            } catch (RedisException e) {
                redis.failed(e);
            } catch (io.github.bucket4j.TimeoutException e) {
                redis.failed(new RedisCommandTimeoutException(e.getMessage()));
            }
        }
        return fallback.consume(bucket, limit.share(redis.replicas()));
    }
}
