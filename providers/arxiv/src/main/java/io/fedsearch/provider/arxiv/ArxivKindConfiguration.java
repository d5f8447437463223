package io.fedsearch.provider.arxiv;

import io.fedsearch.provider.ProviderKind;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Offers the {@code arxiv} kind to the core: on the classpath means available. */
@AutoConfiguration
public class ArxivKindConfiguration {

    @Bean
    ProviderKind<ArxivSettings> arxivProviderKind() {
        return new ArxivProviderKind();
    }
}
