package io.fedsearch.provider;

/**
 * A provider behind one HTTP call per query. The core sends the request under the provider's deadline and hands
 * the answer back for parsing. Answers 429 and 5xx never reach {@link #parse}: the core reports them (and
 * suspends the provider on 429/503). Other 4xx answers are parsed so the provider can extract the upstream's own
 * message; a parse that returns normally on a 4xx is reported as that HTTP status.
 */
public non-sealed interface HttpSearchProvider extends SearchProvider {

    /** Builds the one request this query needs. Must not do I/O. */
    UpstreamRequest request(ProviderQuery query);

    /**
     * Parses one answer.
     *
     * @throws UpstreamFailureException when the answer is an error the upstream described itself
     * @throws RuntimeException on a malformed answer: reported as the provider's error with its message
     */
    ProviderPage parse(ProviderQuery query, UpstreamResponse response);
}
