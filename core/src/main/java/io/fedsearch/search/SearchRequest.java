package io.fedsearch.search;

import io.fedsearch.web.InvalidParameterException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A validated federated search. Text fields are trimmed, null when not given.
 *
 * @param providers  ids asked for by name, null = the default selection
 * @param page       1..1000
 * @param size       1..100, per provider
 * @param deadline   how long the caller waits for providers, 50 ms..10 s
 * @param explain    each merged result says how its score was made
 */
public record SearchRequest(String q, String author, String title, String journal, List<String> providers,
                            boolean includeSlow, int page, int size, Duration deadline, boolean explain) {

    static final int MAX_TEXT = 500;

    /** A search without explain (the seed adapters never ask for it). */
    public SearchRequest(String q, String author, String title, String journal, List<String> providers,
                         boolean includeSlow, int page, int size, Duration deadline) {
        this(q, author, title, journal, providers, includeSlow, page, size, deadline, false);
    }

    /** Checks every parameter and names the first bad one. */
    public static SearchRequest of(String q, String author, String title, String journal, String providers,
                                   boolean includeSlow, int page, int size, Integer timeoutMs, Duration defaultTimeout,
                                   boolean explain) {
        q = text("q", q);
        author = text("author", author);
        title = text("title", title);
        journal = text("journal", journal);
        if (q == null && author == null && title == null && journal == null) {
            throw new InvalidParameterException("q", "give at least one of q, author, title, journal");
        }
        if (page < 1 || page > 1000) throw new InvalidParameterException("page", "page must be from 1 to 1000");
        if (size < 1 || size > 100) throw new InvalidParameterException("size", "size must be from 1 to 100");
        if (timeoutMs != null && (timeoutMs < 50 || timeoutMs > 10_000)) {
            throw new InvalidParameterException("timeout_ms", "timeout_ms must be from 50 to 10000");
        }
        Duration deadline = timeoutMs == null ? defaultTimeout : Duration.ofMillis(timeoutMs);
        return new SearchRequest(q, author, title, journal, ids(providers), includeSlow, page, size, deadline,
                explain);
    }

    private static String text(String name, String value) {
        if (value == null) return null;
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT) {
            throw new InvalidParameterException(name, name + " must be 1 to " + MAX_TEXT + " characters after trimming");
        }
        return trimmed;
    }

    private static List<String> ids(String providers) {
        if (providers == null) return null;
        var ids = new LinkedHashSet<String>();
        Arrays.stream(providers.split(",")).map(String::strip).forEach(ids::add);
        if (ids.contains("")) {
            throw new InvalidParameterException("providers", "providers is a comma-separated list of provider ids");
        }
        return List.copyOf(ids);
    }
}
