package io.fedsearch.provider;

import java.util.List;

/**
 * A provider that can also answer the replaced message-search service's {@code GET /search}: a case-insensitive
 * substring of its records, in upstream order, each record exactly as the upstream gave it. The core's
 * seed-compatible endpoint serves whichever configured provider implements it.
 */
public interface VerbatimSearch {

    /**
     * @param substring case-insensitive, taken as given; null or empty = every record
     * @throws UpstreamFailureException when no index is loaded yet
     */
    Page find(String substring, long offset, int limit);

    /** Null while healthy, else why the records served are missing or old. */
    String degradedReason();

    /**
     * One page.
     *
     * @param total how many records match in all
     * @param items the page's records, each the upstream's JSON object as UTF-8 bytes, in upstream order
     */
    record Page(long total, List<byte[]> items) {

        public Page {
            items = List.copyOf(items);
        }
    }
}
