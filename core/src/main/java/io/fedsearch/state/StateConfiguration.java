package io.fedsearch.state;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fedsearch.state.redis-url} (for example {@code redis://redis:6379/0}): when set, replicas share rate
 * limits, cache invalidations and recent lists through that Redis, and {@code /actuator/health} gets a
 * {@code redis} component. Unset (the default): everything stays in process. The connection is made at start-up;
 * an unreachable Redis stops the start (a wrong URL shows at once). Once started, a replica rides out Redis outages
 * (see {@link SharedRedis}).
 */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {

    static final String REDIS_URL = "fedsearch.state.redis-url";

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(REDIS_URL)
    SharedRedis sharedRedis(StateProperties properties) {
        return new SharedRedis(properties.redisUrl(), properties.redisTimeout(), properties.replicas());
    }

    @Bean("redis")
    @ConditionalOnProperty(REDIS_URL)
    RedisHealthIndicator redisHealthIndicator(SharedRedis redis) {
        return new RedisHealthIndicator(redis);
    }
}
