package io.fedsearch.insights;

import java.util.List;

/**
 * A result a caller opened, with the fields stored for it when its query ran (null when the provider gave none).
 *
 * @param openedAt when it was opened, unix seconds
 */
record OpenedResult(long queryId, String provider, String resultId, String title, String url, List<String> authors,
                    String journal, String published, String doi, long openedAt) {

    OpenedResult {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** Opening the same result again (from any query) folds into one entry. */
    String identity() {
        return provider + '\u0000' + resultId;
    }
}
