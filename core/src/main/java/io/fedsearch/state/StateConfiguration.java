package io.fedsearch.state;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code fedsearch.state.redis-url} (for example {@code redis://redis:6379/0}): when set, replicas share rate
 * limits, cache invalidations and recent lists through that Redis. Unset (the default): everything stays in
 * process. The connection is made at start-up; an unreachable Redis stops the start.
 */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {

    static final String REDIS_URL = "fedsearch.state.redis-url";

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(REDIS_URL)
    SharedRedis sharedRedis(Environment environment) {
        return new SharedRedis(environment.getRequiredProperty(REDIS_URL));
    }
}
