package io.fedsearch.access;

import io.fedsearch.state.SharedRedis;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access module's choices in one place: rate-limit buckets in Redis when {@code fedsearch.state.redis-url}
 * is set (shared by all replicas; while Redis is down, per replica at 1/N of each budget), else in process.
 * Filter order: request log (highest precedence), then
 * {@link ApiKeyFilter} (who is calling), then {@link RateLimitFilter} (may they call now).
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    RateLimits rateLimits(Optional<SharedRedis> redis) {
        return redis.<RateLimits>map(r -> new RedisRateLimits(r)).orElseGet(LocalRateLimits::new);
    }
}
