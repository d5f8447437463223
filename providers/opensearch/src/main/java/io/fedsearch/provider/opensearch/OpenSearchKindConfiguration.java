package io.fedsearch.provider.opensearch;

import io.fedsearch.provider.ProviderKind;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Offers the opensearch kind to the core: having this module on the classpath is all it takes. */
@AutoConfiguration
class OpenSearchKindConfiguration {

    @Bean
    ProviderKind<OpenSearchSettings> openSearchProviderKind() {
        return new OpenSearchProviderKind();
    }
}
