package io.fedsearch.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opened results in the shared database (table insights_clicks, Flyway V3), so trending is the same on every replica. */
@Repository
class JdbcClicks {

    /** A result with how often it was opened in a window; fields from its latest stored values. */
    record Opened(String provider, String resultId, String title, String url, List<String> authors, String journal,
                  String published, String doi, long opened) {
    }

    private static final String AUTHOR_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    JdbcClicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String principal, OpenedResult r) {
        jdbc.sql("""
                INSERT INTO insights_clicks (principal, query_id, provider, result_id, title, url, authors, journal,
                                             published, doi, clicked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(cut(principal, 200), r.queryId(), r.provider(), cut(r.resultId(), 1000), cut(r.title(), 2000),
                        cut(r.url(), 4000), cut(String.join(AUTHOR_SEPARATOR, r.authors()), 4000), cut(r.journal(), 1000),
                        cut(r.published(), 64), cut(r.doi(), 255), r.openedAt() * 1000)
                .update();
    }

    /** The {@code kept} most-opened results with a click in (sinceMillis, untilMillis], most opened first. */
    List<Opened> top(long sinceMillis, long untilMillis, int kept) {
        return jdbc.sql("""
                SELECT provider, result_id, COUNT(*) AS opened, MAX(clicked_at) AS last_at, MAX(title) AS title,
                       MAX(url) AS url, MAX(authors) AS authors, MAX(journal) AS journal, MAX(published) AS published,
                       MAX(doi) AS doi
                FROM insights_clicks
                WHERE clicked_at > ? AND clicked_at <= ?
                GROUP BY provider, result_id
                ORDER BY opened DESC, last_at DESC, provider, result_id
                LIMIT ?""")
                .params(sinceMillis, untilMillis, kept)
                .query((rs, n) -> new Opened(rs.getString("provider"), rs.getString("result_id"), rs.getString("title"),
                        rs.getString("url"), authors(rs.getString("authors")), rs.getString("journal"),
                        rs.getString("published"), rs.getString("doi"), rs.getLong("opened")))
                .list();
    }

    /** The distinct results each principal opened at the provider (principal -> result ids), for the re-check. */
    Map<String, List<String>> openedAt(String provider) {
        var out = new TreeMap<String, List<String>>();
        jdbc.sql("SELECT DISTINCT principal, result_id FROM insights_clicks WHERE provider = ?")
                .param(provider)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    int delete(String principal, String provider, String resultId) {
        return jdbc.sql("DELETE FROM insights_clicks WHERE principal = ? AND provider = ? AND result_id = ?")
                .params(principal, provider, resultId)
                .update();
    }

    private static List<String> authors(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(AUTHOR_SEPARATOR));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
