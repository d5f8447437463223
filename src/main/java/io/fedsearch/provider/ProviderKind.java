package io.fedsearch.provider;

import java.time.Duration;

/**
 * Makes providers of one {@code type}. One Spring bean per kind; the catalog picks it by {@link #type()}.
 * {@link #create} checks the kind-specific keys and throws {@link InvalidConfigurationException} naming the key.
 */
public interface ProviderKind {

    String type();

    SearchProvider create(String id, ProviderSettings settings);

    /** Calls in flight at once when the provider does not set max-concurrency. */
    default int defaultMaxConcurrency() {
        return 32;
    }

    /** Outbound politeness when the provider does not set min-interval; null = none. */
    default Duration defaultMinInterval() {
        return null;
    }
}
