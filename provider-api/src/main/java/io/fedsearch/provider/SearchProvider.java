package io.fedsearch.provider;

/**
 * The provider SPI. A provider only knows its upstream's language: it builds one request and parses one answer
 * ({@link HttpSearchProvider}), or answers from an index it keeps ({@link IndexedSearchProvider}). Transport,
 * deadlines, circuit breaking, caching, metrics and error reporting live in the search core, so a provider has
 * no try/catch, timeout or retry of its own: it throws, and the core turns that into the provider's status.
 */
public sealed interface SearchProvider permits HttpSearchProvider, IndexedSearchProvider {

    /** The configured id, {@code [a-z0-9-]{1,32}}. */
    String id();

    /** The configured kind: arxiv, messages or json. */
    String type();

    /** The query fields this provider understands. */
    Capabilities capabilities();
}
