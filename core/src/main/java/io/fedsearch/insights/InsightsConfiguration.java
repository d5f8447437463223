package io.fedsearch.insights;

import io.fedsearch.state.SharedRedis;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's wiring: recent lists in the shared Redis when {@code fedsearch.state.redis-url} is set (so every
 * replica shows the same lists), else in this process. Item rights come from the access module's ItemRights.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InsightsProperties.class)
class InsightsConfiguration {

    @Bean
    RecentStore recentStore(Optional<SharedRedis> redis) {
        return redis.<RecentStore>map(RedisRecentStore::new).orElseGet(InMemoryRecentStore::new);
    }
}
