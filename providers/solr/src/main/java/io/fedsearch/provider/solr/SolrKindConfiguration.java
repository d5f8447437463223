package io.fedsearch.provider.solr;

import io.fedsearch.provider.ProviderKind;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Offers the {@code solr} kind to the core: having this module on the classpath is all it takes. */
@AutoConfiguration
public class SolrKindConfiguration {

    @Bean
    ProviderKind<SolrSettings> solrProviderKind() {
        return new SolrProviderKind();
    }
}
