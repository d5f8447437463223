package io.fedsearch.insights;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The module's wiring: recent lists in Redis when {@code fedsearch.state.redis-url} is set, else in this process;
 * item-level rights default to none until the access module provides them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InsightsProperties.class)
class InsightsConfiguration {

    /** Null-free holder: present only when a Redis URL is configured. */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("fedsearch.state.redis-url")
    RedisState insightsRedis(Environment environment) {
        return new RedisState(environment.getRequiredProperty("fedsearch.state.redis-url"));
    }

    @Bean
    RecentStore recentStore(ObjectProvider<RedisState> redis) {
        RedisState state = redis.getIfAvailable();
        return state == null ? new InMemoryRecentStore() : new RedisRecentStore(state.commands());
    }

    @Bean
    ItemCheck itemCheck() {
        return ItemCheck.NONE;
    }
}
