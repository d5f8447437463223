package io.fedsearch.search;

import io.fedsearch.search.internal.UpstreamClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The search module's beans that need its settings: the one HTTP client every outbound call goes through. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    UpstreamClient upstreamClient(SearchProperties settings) {
        return new UpstreamClient(settings.maxUpstreamBody());
    }
}
