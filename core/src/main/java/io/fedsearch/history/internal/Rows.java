package io.fedsearch.history.internal;

import io.fedsearch.history.QueryHistory.StoredResult;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.QueryRecord.ProviderSummary;
import io.fedsearch.history.QueryRecord.ResultRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** Maps rows of the history tables straight to records. Column names are those of V1__history.sql. */
final class Rows {

    /** The columns of a query joined with its provider summaries (p_* columns null when it has none). */
    static final String QUERY_COLUMNS = """
            q.query_id, q.ts_ms, q.principal, q.origin, q.q, q.author, q.title, q.journal, q.took_ms,
            p.provider AS p_provider, p.provider_type AS p_type, p.status AS p_status, p.took_ms AS p_took_ms,
            p.total AS p_total, p.returned AS p_returned, p.error AS p_error, p.upstream_uri AS p_uri,
            p.http_status AS p_http_status""";

    static final String RESULT_COLUMNS = """
            query_id, ts_ms, provider, result_rank, result_id, title, url, authors, journal, published, doi""";

    private Rows() {
    }

    /** "?, ?, ?" for an IN list of {@code n} values. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static ProviderSummary summary(ResultSet rs) throws SQLException {
        return new ProviderSummary(rs.getString("p_provider"), rs.getString("p_type"), rs.getString("p_status"),
                rs.getLong("p_took_ms"), rs.getObject("p_total", Long.class), rs.getInt("p_returned"),
                rs.getString("p_error"), rs.getString("p_uri"), rs.getObject("p_http_status", Integer.class));
    }

    static StoredResult result(ResultSet rs, int rowNum) throws SQLException {
        String authors = rs.getString("authors");
        var row = new ResultRow(rs.getString("provider"), rs.getInt("result_rank"), rs.getString("result_id"),
                rs.getString("title"), rs.getString("url"),
                authors == null ? List.of() : Arrays.asList(authors.split(JdbcBatchInsert.AUTHOR_SEPARATOR)),
                rs.getString("journal"), rs.getString("published"), rs.getString("doi"));
        return new StoredResult(rs.getLong("query_id"), Instant.ofEpochMilli(rs.getLong("ts_ms")), row);
    }

    /**
     * Folds rows of {@link #QUERY_COLUMNS}, ordered by query, into one record per query (results left empty),
     * handing each on as soon as its last row has been read: memory stays one query, however long the stream.
     */
    static final class Assembler {

        private final Consumer<QueryRecord> sink;
        private ResultSet head;
        private long queryId;
        private Instant timestamp;
        private String[] texts;
        private long tookMs;
        private final List<ProviderSummary> providers = new ArrayList<>();

        Assembler(Consumer<QueryRecord> sink) {
            this.sink = sink;
        }

        void row(ResultSet rs) throws SQLException {
            long id = rs.getLong("query_id");
            if (head == null || id != queryId) {
                finish();
                head = rs;
                queryId = id;
                timestamp = Instant.ofEpochMilli(rs.getLong("ts_ms"));
                texts = new String[] {rs.getString("principal"), rs.getString("origin"), rs.getString("q"),
                        rs.getString("author"), rs.getString("title"), rs.getString("journal")};
                tookMs = rs.getLong("took_ms");
            }
            if (rs.getString("p_provider") != null) providers.add(summary(rs));
        }

        void finish() {
            if (head == null) return;
            sink.accept(new QueryRecord(queryId, timestamp, texts[0], texts[1], texts[2], texts[3], texts[4],
                    texts[5], providers, tookMs, List.of()));
            providers.clear();
            head = null;
        }
    }
}
