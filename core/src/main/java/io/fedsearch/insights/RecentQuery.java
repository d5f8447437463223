package io.fedsearch.insights;

import io.fedsearch.history.QueryRecord;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a caller's recent queries. Two queries are the same (folded) when their text and fielded filters are
 * equal ignoring case and surrounding whitespace.
 *
 * @param timestamp when it was asked, unix seconds
 */
record RecentQuery(long queryId, long timestamp, String q, String author, String title, String journal) {

    static RecentQuery of(QueryRecord r) {
        return new RecentQuery(r.queryId(), r.timestamp().getEpochSecond(), r.q(), r.author(), r.title(), r.journal());
    }

    String identity() {
        return String.join("\u0000", norm(q), norm(author), norm(title), norm(journal));
    }

    private static String norm(String s) {
        return Objects.toString(s, "").strip().toLowerCase(Locale.ROOT);
    }
}
