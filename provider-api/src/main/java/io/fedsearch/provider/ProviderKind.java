package io.fedsearch.provider;

import java.time.Duration;

/**
 * Makes providers of one {@code type}. A kind is a module of its own that declares this as a bean in its
 * Spring Boot auto-configuration, so putting the module on the classpath is all it takes to offer the kind.
 *
 * @param <S> the kind's own settings record, bound from {@code fedsearch.providers.<id>.*}. Its compact
 *            constructor checks every value and throws {@link InvalidConfigurationException} with the key relative
 *            to the provider ({@code url}); the start then fails with one line naming the whole key. The keys every
 *            provider has (type, enabled, timeout, slow, public, weight, max-concurrency, min-interval, cache-ttl)
 *            are the core's and need no field in it.
 */
public interface ProviderKind<S> {

    /** The value of {@code type} that selects this kind, e.g. {@code json}. */
    String type();

    /** The settings record to bind; {@code @DefaultValue} gives the defaults. */
    Class<S> settingsType();

    /** Makes one provider from its checked settings. Must not block on I/O for long: it runs at start-up. */
    SearchProvider create(String id, S settings);

    /** Calls in flight at once when the provider does not set max-concurrency. */
    default int defaultMaxConcurrency() {
        return 32;
    }

    /** Outbound politeness when the provider does not set min-interval; null = none. */
    default Duration defaultMinInterval() {
        return null;
    }
}
