package io.fedsearch.provider;

/**
 * What one provider is asked: the caller's fields (null when not given) and the page wanted.
 * A record, so identical calls are equal and can share a cache entry.
 *
 * @param page 1-based page number
 * @param size results per page, per provider
 * @param userId the caller's id at this provider, null when the provider has no user mapping
 */
public record ProviderQuery(String q, String author, String title, String journal, int page, int size, String userId) {

    /** Zero-based offset of the first result wanted. */
    public int offset() {
        return (page - 1) * size;
    }
}
