package io.fedsearch.history.internal;

import io.fedsearch.history.QueryHistory;
import io.fedsearch.history.QueryRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of the history tables, portable SQL for H2 and PostgreSQL. Index use (see V1__history.sql and V5): time ranges
 * and keyset paging use {@code queries_ts}; results by time and by query (its time and id) the
 * {@code query_results_ts} index, by provider {@code query_results_provider}. The text filters (author, title,
 * journal: {@code lower(col) LIKE '%x%'}) are backed by trigram indexes on PostgreSQL (V4, pg_trgm); on H2 they scan
 * the rows the other conditions leave, stopping once the page and the capped total are found.
 */
final class JdbcQueryHistory implements QueryHistory {

    private static final String PAGE = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM (SELECT * FROM queries
                  WHERE ts_ms BETWEEN ? AND ? AND (ts_ms < ? OR (ts_ms = ? AND query_id < ?))
                  ORDER BY ts_ms DESC, query_id DESC
                  FETCH FIRST ? ROWS ONLY) q
            LEFT JOIN query_providers p ON p.query_id = q.query_id
            ORDER BY q.ts_ms DESC, q.query_id DESC, p.seq_no""";
    private static final String EXPORT = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM queries q LEFT JOIN query_providers p ON p.query_id = q.query_id
            WHERE q.ts_ms BETWEEN ? AND ?
            ORDER BY q.ts_ms, q.query_id, p.seq_no""";
    private static final String MOST_ASKED = """
            SELECT q, count(*) AS asks, max(ts_ms) AS last_ms FROM queries
            WHERE ts_ms >= ? AND q IS NOT NULL
            GROUP BY q ORDER BY asks DESC, last_ms DESC
            FETCH FIRST ? ROWS ONLY""";
    private static final String CALLS = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM queries q JOIN query_providers p ON p.query_id = q.query_id
            WHERE q.ts_ms BETWEEN ? AND ? AND p.provider_type = ? AND p.upstream_uri IS NOT NULL
            ORDER BY q.ts_ms, q.query_id, p.seq_no""";
    private static final String ASKED_BETWEEN = """
            SELECT query_id, q, ts_ms FROM queries
            WHERE ts_ms BETWEEN ? AND ? AND q IS NOT NULL
            ORDER BY ts_ms, query_id
            FETCH FIRST ? ROWS ONLY""";
    private static final String QUERY_TIME = """
            SELECT ts_ms FROM queries WHERE query_id = ? AND ts_ms BETWEEN ? AND ?""";
    // query_results_provider (provider, ts_ms DESC, query_id DESC, result_rank) read backwards: "provider DESC" is
    // spelled out because H2 does not see that provider = ? makes it a constant; only a query's few rows are sorted
    // by rank.
    private static final String RESULTS_OF_PROVIDER = "SELECT " + Rows.RESULT_COLUMNS + """

            FROM query_results
            WHERE provider = ?
            ORDER BY provider DESC, ts_ms, query_id, result_rank
            OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate bounded;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final int resultWindow;
    private final String planSetting;

    /**
     * @param bounded     a template with a query timeout, for the reads a caller can make arbitrarily wide
     * @param streaming   a template with a fetch size, used inside {@code readOnly} so PostgreSQL uses a cursor
     * @param planSetting a statement run first in the transaction of each {@code /api/v1/results} read with a text
     *                    filter, or null
     */
    JdbcQueryHistory(JdbcTemplate jdbc, JdbcTemplate bounded, JdbcTemplate streaming, TransactionTemplate readOnly,
                     int resultWindow, String planSetting) {
        this.jdbc = jdbc;
        this.bounded = bounded;
        this.streaming = streaming;
        this.readOnly = readOnly;
        this.resultWindow = resultWindow;
        this.planSetting = planSetting;
    }

    @Override
    public Slice newestFirst(long fromMs, long toMs, Position after, int limit) {
        var records = new ArrayList<QueryRecord>(limit + 1);
        var assembler = new Rows.Assembler(records::add);
        bounded.query(PAGE, assembler::row, fromMs, toMs, after.timestampMs(), after.timestampMs(), after.queryId(),
                limit + 1);
        assembler.finish();
        if (records.size() <= limit) return new Slice(records, null);
        List<QueryRecord> page = records.subList(0, limit);
        QueryRecord last = page.getLast();
        return new Slice(List.copyOf(page), new Position(last.timestamp().toEpochMilli(), last.queryId()));
    }

    @Override
    public void forEachOldestFirst(long fromMs, long toMs, Consumer<QueryRecord> sink) {
        readOnly.executeWithoutResult(status -> {
            var assembler = new Rows.Assembler(sink);
            streaming.query(EXPORT, assembler::row, fromMs, toMs);
            assembler.finish();
        });
    }

    @Override
    public ResultPage results(ResultFilter filter, long offset, int limit) {
        boolean text = filter.author() != null || filter.title() != null || filter.journal() != null;
        // Only the text filters' plans depend on the value (see HistoryConfiguration); the rest skip the transaction.
        if (planSetting == null || !text) return read(filter, offset, limit);
        return readOnly.execute(status -> {
            jdbc.execute(planSetting);
            return read(filter, offset, limit);
        });
    }

    private ResultPage read(ResultFilter filter, long offset, int limit) {
        var where = new StringBuilder();
        var args = new ArrayList<Object>();
        if (filter.queryId() != null) {
            // Results are indexed by time, not by query id: the query's own time makes it a point lookup.
            List<Long> at = bounded.queryForList(QUERY_TIME, Long.class, filter.queryId(), filter.fromMs(),
                    filter.toMs());
            if (at.isEmpty()) return new ResultPage(0, true, List.of());
            where.append(" WHERE ts_ms = ? AND query_id = ?");
            args.add(at.getFirst());
            args.add(filter.queryId());
        } else {
            where.append(" WHERE ts_ms BETWEEN ? AND ?");
            args.add(filter.fromMs());
            args.add(filter.toMs());
        }
        if (filter.provider() != null) {
            where.append(" AND provider = ?");
            args.add(filter.provider().toLowerCase(Locale.ROOT));
        }
        like(where, args, "authors", filter.author());
        like(where, args, "title", filter.title());
        like(where, args, "journal", filter.journal());
        if (offset + limit > resultWindow) {
            throw new IllegalArgumentException("offset + limit " + (offset + limit) + " > result window " + resultWindow);
        }
        var pageArgs = new ArrayList<>(args);
        pageArgs.add(offset);
        pageArgs.add(limit);
        // The same order either way; spelled as the index at hand spells it, because H2 reads a page in index order
        // (instead of sorting the whole range) only when ORDER BY follows the index's columns, and does not see that
        // provider = ? makes the provider column a constant.
        String order = filter.provider() != null
                ? "provider, ts_ms DESC, query_id DESC, result_rank"
                : "ts_ms DESC, query_id DESC, provider, result_rank";
        List<StoredResult> rows = bounded.query("SELECT " + Rows.RESULT_COLUMNS + " FROM query_results" + where
                + " ORDER BY " + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", Rows::result, pageArgs.toArray());
        long total;
        if (rows.size() < limit && (offset == 0 || !rows.isEmpty())) {
            // The page reached the last match: the total is known without counting (the rare-match case, where
            // a count would read the whole range a second time).
            total = offset + rows.size();
        } else {
            // An exact count(*) reads every matching row: 1M index entries for a busy day. Counting one past the
            // window tells "exactly n" from "more than the window" at a bounded cost.
            args.add(resultWindow + 1);
            Long counted = bounded.queryForObject("SELECT count(*) FROM (SELECT 1 FROM query_results" + where
                    + " FETCH FIRST ? ROWS ONLY) matching", Long.class, args.toArray());
            total = counted == null ? 0 : counted;
        }
        return new ResultPage(Math.min(total, resultWindow), total <= resultWindow, rows);
    }

    /** Appends a case-insensitive substring condition; % _ and \ in the value match themselves. */
    private static void like(StringBuilder where, List<Object> args, String column, String value) {
        if (value == null) return;
        where.append(" AND lower(").append(column).append(") LIKE ? ESCAPE '\\'");
        String escaped = value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        args.add("%" + escaped + "%");
    }

    @Override
    public List<ProviderCall> callsOfType(String providerType, long fromMs, long toMs) {
        return jdbc.query(CALLS, (rs, n) -> new ProviderCall(rs.getLong("query_id"),
                Instant.ofEpochMilli(rs.getLong("ts_ms")), Rows.summary(rs)), fromMs, toMs, providerType);
    }

    @Override
    public int resultWindow() {
        return resultWindow;
    }

    @Override
    public List<StoredResult> resultsOf(List<String> providers, long offset, int limit) {
        if (providers.isEmpty()) return List.of();
        if (providers.size() == 1) return bounded.query(RESULTS_OF_PROVIDER, Rows::result, providers.getFirst(), offset, limit);
        var args = new ArrayList<Object>(providers);
        args.add(offset);
        args.add(limit);
        return bounded.query("SELECT " + Rows.RESULT_COLUMNS + " FROM query_results WHERE provider IN ("
                + Rows.placeholders(providers.size())
                + ") ORDER BY ts_ms, query_id, provider, result_rank OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                Rows::result, args.toArray());
    }

    @Override
    public List<AskedQuery> mostAsked(long fromMs, int limit) {
        return jdbc.query(MOST_ASKED, (rs, n) -> new AskedQuery(rs.getString("q"), rs.getLong("asks"),
                rs.getLong("last_ms")), fromMs, limit);
    }

    @Override
    public List<AskedOnce> askedBetween(long fromMs, long toMs, int limit) {
        return jdbc.query(ASKED_BETWEEN, (rs, n) -> new AskedOnce(rs.getLong("query_id"), rs.getString("q"),
                rs.getLong("ts_ms")), fromMs, toMs, limit);
    }
}
