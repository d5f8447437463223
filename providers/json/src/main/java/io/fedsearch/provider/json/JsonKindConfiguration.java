package io.fedsearch.provider.json;

import io.fedsearch.provider.ProviderKind;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Offers the {@code json} kind to the core: on the classpath means available. */
@AutoConfiguration
public class JsonKindConfiguration {

    @Bean
    ProviderKind<JsonSettings> jsonProviderKind(JsonMapper json) {
        return new JsonProviderKind(json);
    }
}
