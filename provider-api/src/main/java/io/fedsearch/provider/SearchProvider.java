package io.fedsearch.provider;

/**
 * The provider SPI. A provider only knows its upstream's language: it builds one request and parses one answer
 * ({@link HttpSearchProvider}), answers from an index it keeps ({@link IndexedSearchProvider}), or queries an
 * upstream that is not HTTP within the time the core gives it ({@link DirectSearchProvider}). Transport,
 * deadlines, circuit breaking, caching, metrics and error reporting live in the search core, so a provider has
 * no try/catch, timeout or retry of its own: it throws, and the core turns that into the provider's status.
 * A provider that holds resources (a pool, a thread) implements {@link AutoCloseable}; the core closes it when it
 * drops the provider or the application stops.
 */
public sealed interface SearchProvider permits HttpSearchProvider, IndexedSearchProvider, DirectSearchProvider {

    /** The configured id, {@code [a-z0-9-]{1,32}}. */
    String id();

    /** The configured kind, e.g. arxiv, json or jdbc. */
    String type();

    /** The query fields this provider understands. */
    Capabilities capabilities();
}
