package io.fedsearch.history.internal;

import io.fedsearch.history.QueryHistory;
import io.fedsearch.history.QueryRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    // Keyset pages of everyone's queries read queries_ts backwards; of one principal's, queries_principal_ts (V7),
    // whose order is spelled out in full because H2 does not see that principal = ? makes that column a constant.
    private static final String PAGE = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM (SELECT * FROM queries
                  WHERE ts_ms BETWEEN ? AND ? AND (ts_ms < ? OR (ts_ms = ? AND query_id < ?))
                  ORDER BY ts_ms DESC, query_id DESC
                  FETCH FIRST ? ROWS ONLY) q
            LEFT JOIN query_providers p ON p.query_id = q.query_id
            ORDER BY q.ts_ms DESC, q.query_id DESC, p.seq_no""";
    private static final String PAGE_OF_PRINCIPAL = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM (SELECT * FROM queries
                  WHERE principal = ? AND ts_ms BETWEEN ? AND ? AND (ts_ms < ? OR (ts_ms = ? AND query_id < ?))
                  ORDER BY principal DESC, ts_ms DESC, query_id DESC
                  FETCH FIRST ? ROWS ONLY) q
            LEFT JOIN query_providers p ON p.query_id = q.query_id
            ORDER BY q.ts_ms DESC, q.query_id DESC, p.seq_no""";
    private static final String EXPORT = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM queries q LEFT JOIN query_providers p ON p.query_id = q.query_id
            WHERE q.ts_ms BETWEEN ? AND ?
            ORDER BY q.ts_ms, q.query_id, p.seq_no""";
    private static final String EXPORT_OF_PRINCIPAL = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM queries q LEFT JOIN query_providers p ON p.query_id = q.query_id
            WHERE q.principal = ? AND q.ts_ms BETWEEN ? AND ?
            ORDER BY q.principal, q.ts_ms, q.query_id, p.seq_no""";
    /** Whether the query asked one of the restricted providers: "%s" is their placeholders (or NULL for none). */
    private static final String RESTRICTED = """
            CASE WHEN EXISTS (SELECT 1 FROM query_providers p
                              WHERE p.query_id = queries.query_id AND p.provider IN (%s)) THEN 1 ELSE 0 END""";
    private static final String MOST_ASKED = """
            SELECT q, principal, count(*) AS asks, max(ts_ms) AS last_ms, max(%s) AS restricted FROM queries
            WHERE ts_ms >= ? AND q IS NOT NULL
            GROUP BY q, principal ORDER BY asks DESC, last_ms DESC
            FETCH FIRST ? ROWS ONLY""";
    private static final String CALLS = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM queries q JOIN query_providers p ON p.query_id = q.query_id
            WHERE q.ts_ms BETWEEN ? AND ? AND p.provider_type = ? AND p.upstream_uri IS NOT NULL
              AND p.provider IN (%s)%s
            ORDER BY q.ts_ms, q.query_id, p.seq_no""";
    private static final String ASKED_BETWEEN = """
            SELECT query_id, q, principal, ts_ms, %s AS restricted FROM queries
            WHERE ts_ms BETWEEN ? AND ? AND q IS NOT NULL
            ORDER BY ts_ms, query_id
            FETCH FIRST ? ROWS ONLY""";
    private static final String QUERY_TIME = """
            SELECT ts_ms FROM queries WHERE query_id = ? AND ts_ms BETWEEN ? AND ?""";
    /**
     * Keeps result rows of one principal's queries: one primary-key look-up per row read. The leading space matters
     * (a text block would strip it): PostgreSQL 15+ refuses "?AND" as trailing junk after a parameter.
     */
    private static final String OF_PRINCIPAL =
            " AND EXISTS (SELECT 1 FROM queries q WHERE q.query_id = query_results.query_id AND q.principal = ?)";
    // query_results_provider (provider, ts_ms DESC, query_id DESC, result_rank) read backwards: "provider DESC" is
    // spelled out because H2 does not see that provider = ? makes it a constant; only a query's few rows are sorted
    // by rank.
    private static final String RESULTS_OF_PROVIDER = "SELECT " + Rows.RESULT_COLUMNS + """

            FROM query_results
            WHERE provider = ?%s
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
    public Slice newestFirst(String principal, long fromMs, long toMs, Position after, int limit) {
        var records = new ArrayList<QueryRecord>(limit + 1);
        var assembler = new Rows.Assembler(records::add);
        if (principal == null) {
            bounded.query(PAGE, assembler::row, fromMs, toMs, after.timestampMs(), after.timestampMs(),
                    after.queryId(), limit + 1);
        } else {
            bounded.query(PAGE_OF_PRINCIPAL, assembler::row, principal, fromMs, toMs, after.timestampMs(),
                    after.timestampMs(), after.queryId(), limit + 1);
        }
        assembler.finish();
        if (records.size() <= limit) return new Slice(records, null);
        List<QueryRecord> page = records.subList(0, limit);
        QueryRecord last = page.getLast();
        return new Slice(List.copyOf(page), new Position(last.timestamp().toEpochMilli(), last.queryId()));
    }

    @Override
    public void forEachOldestFirst(String principal, long fromMs, long toMs, Consumer<QueryRecord> sink) {
        readOnly.executeWithoutResult(status -> {
            var assembler = new Rows.Assembler(sink);
            if (principal == null) streaming.query(EXPORT, assembler::row, fromMs, toMs);
            else streaming.query(EXPORT_OF_PRINCIPAL, assembler::row, principal, fromMs, toMs);
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
        if (filter.readable() != null && filter.readable().isEmpty()) return new ResultPage(0, true, List.of());
        var where = new StringBuilder();
        var args = new ArrayList<Object>();
        if (filter.queryId() != null) {
            // Results are indexed by time, not by query id: the query's own time makes it a point lookup. Whose the
            // query is is checked on that one row.
            List<Long> at = filter.principal() == null
                    ? bounded.queryForList(QUERY_TIME, Long.class, filter.queryId(), filter.fromMs(), filter.toMs())
                    : bounded.queryForList(QUERY_TIME + " AND principal = ?", Long.class, filter.queryId(),
                            filter.fromMs(), filter.toMs(), filter.principal());
            if (at.isEmpty()) return new ResultPage(0, true, List.of());
            where.append(" WHERE ts_ms = ? AND query_id = ?");
            args.add(at.getFirst());
            args.add(filter.queryId());
        } else {
            where.append(" WHERE ts_ms BETWEEN ? AND ?");
            args.add(filter.fromMs());
            args.add(filter.toMs());
            if (filter.principal() != null) {
                where.append(OF_PRINCIPAL);
                args.add(filter.principal());
            }
        }
        if (filter.provider() != null) {
            where.append(" AND provider = ?");
            args.add(filter.provider().toLowerCase(Locale.ROOT));
        }
        if (filter.readable() != null) {
            where.append(" AND provider IN (").append(Rows.placeholders(filter.readable().size())).append(')');
            args.addAll(filter.readable());
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
    public List<ProviderCall> callsOfType(String providerType, Collection<String> providers, String principal,
                                          long fromMs, long toMs) {
        if (providers.isEmpty()) return List.of();
        var args = new ArrayList<Object>(List.of(fromMs, toMs, providerType));
        args.addAll(providers);
        if (principal != null) args.add(principal);
        String sql = CALLS.formatted(Rows.placeholders(providers.size()), principal == null ? "" : " AND q.principal = ?");
        return jdbc.query(sql, (rs, n) -> new ProviderCall(rs.getLong("query_id"),
                Instant.ofEpochMilli(rs.getLong("ts_ms")), Rows.summary(rs)), args.toArray());
    }

    @Override
    public int resultWindow() {
        return resultWindow;
    }

    @Override
    public List<StoredResult> resultsOf(List<String> providers, String principal, long offset, int limit) {
        if (providers.isEmpty()) return List.of();
        String ofPrincipal = principal == null ? "" : OF_PRINCIPAL;
        var args = new ArrayList<Object>(providers);
        if (principal != null) args.add(principal);
        args.add(offset);
        args.add(limit);
        if (providers.size() == 1) {
            return bounded.query(RESULTS_OF_PROVIDER.formatted(ofPrincipal), Rows::result, args.toArray());
        }
        return bounded.query("SELECT " + Rows.RESULT_COLUMNS + " FROM query_results WHERE provider IN ("
                + Rows.placeholders(providers.size()) + ")" + ofPrincipal
                + " ORDER BY ts_ms, query_id, provider, result_rank OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                Rows::result, args.toArray());
    }

    @Override
    public List<AskedQuery> mostAsked(long fromMs, Collection<String> restrictedProviders, int limit) {
        var args = new ArrayList<Object>(restrictedProviders);
        args.add(fromMs);
        args.add(limit);
        return jdbc.query(MOST_ASKED.formatted(restricted(restrictedProviders)), (rs, n) -> new AskedQuery(
                rs.getString("q"), rs.getString("principal"), rs.getLong("asks"), rs.getLong("last_ms"),
                rs.getInt("restricted") != 0), args.toArray());
    }

    @Override
    public List<AskedOnce> askedBetween(long fromMs, long toMs, Collection<String> restrictedProviders, int limit) {
        var args = new ArrayList<Object>(restrictedProviders);
        args.add(fromMs);
        args.add(toMs);
        args.add(limit);
        return jdbc.query(ASKED_BETWEEN.formatted(restricted(restrictedProviders)), (rs, n) -> new AskedOnce(
                rs.getLong("query_id"), rs.getString("q"), rs.getString("principal"), rs.getLong("ts_ms"),
                rs.getInt("restricted") != 0), args.toArray());
    }

    /** The 0/1 expression of {@link #RESTRICTED} for these provider ids; a constant 0 when there are none. */
    private static String restricted(Collection<String> providers) {
        return providers.isEmpty() ? "0" : RESTRICTED.formatted(Rows.placeholders(providers.size()));
    }
}
