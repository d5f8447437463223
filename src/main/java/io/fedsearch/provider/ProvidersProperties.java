package io.fedsearch.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fedsearch.providers.<id>.*}: every configured provider, in configuration order. */
@ConfigurationProperties("fedsearch")
record ProvidersProperties(Map<String, ProviderSettings> providers) {

    ProvidersProperties {
        providers = providers == null ? Map.of() : new LinkedHashMap<>(providers);
    }
}
