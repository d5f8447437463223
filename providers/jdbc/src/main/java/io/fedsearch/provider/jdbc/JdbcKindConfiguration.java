package io.fedsearch.provider.jdbc;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Offers the {@code jdbc} kind to the core: having this module on the class path is all it takes. */
@AutoConfiguration
public class JdbcKindConfiguration {

    /** Closed by Spring when the application stops, which closes the pools of the providers it made. */
    @Bean(destroyMethod = "close")
    JdbcProviderKind jdbcProviderKind() {
        return new JdbcProviderKind();
    }
}
