package io.fedsearch.history.internal;

import io.fedsearch.history.QueryHistory.StoredResult;
import io.fedsearch.history.QueryRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** One stored query with its results, read by id from one database (the primary or a standby). */
final class JdbcQueryById {

    private static final String FIND_QUERY = "SELECT " + Rows.QUERY_COLUMNS + """

            FROM queries q LEFT JOIN query_providers p ON p.query_id = q.query_id
            WHERE q.query_id = ?
            ORDER BY p.seq_no""";
    private static final String FIND_RESULTS = "SELECT " + Rows.RESULT_COLUMNS + """

            FROM query_results
            WHERE ts_ms = ? AND query_id = ?
            ORDER BY provider, result_rank""";

    private final JdbcTemplate jdbc;

    JdbcQueryById(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<QueryRecord> find(long queryId) {
        var found = new ArrayList<QueryRecord>(1);
        var assembler = new Rows.Assembler(found::add);
        jdbc.query(FIND_QUERY, assembler::row, queryId);
        assembler.finish();
        if (found.isEmpty()) return Optional.empty();
        QueryRecord head = found.getFirst();
        List<String> order = head.providers().stream().map(QueryRecord.ProviderSummary::provider).toList();
        List<QueryRecord.ResultRow> results = jdbc.query(FIND_RESULTS, Rows::result, head.timestamp().toEpochMilli(), queryId).stream()
                .map(StoredResult::row)
                .sorted(Comparator.comparingInt((QueryRecord.ResultRow r) -> order.indexOf(r.provider()))
                        .thenComparingInt(QueryRecord.ResultRow::rank))
                .toList();
        return Optional.of(new QueryRecord(head.queryId(), head.timestamp(), head.principal(), head.origin(), head.q(),
                head.author(), head.title(), head.journal(), head.providers(), head.tookMs(), results));
    }
}
