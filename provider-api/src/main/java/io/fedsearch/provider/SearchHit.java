package io.fedsearch.provider;

import java.util.List;

/**
 * One result as a provider found it. Unknown values are null (never made up); authors is never null.
 *
 * @param published ISO-8601 date or date-time as the upstream gave it, null when unknown
 */
public record SearchHit(String id, String title, String url, String snippet, List<String> authors,
                        String published, String journal, String doi) {

    public SearchHit {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
