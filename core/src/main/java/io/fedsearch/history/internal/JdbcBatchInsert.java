package io.fedsearch.history.internal;

import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.QueryRecord.ProviderSummary;
import io.fedsearch.history.QueryRecord.ResultRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes query records with JDBC batch inserts, all of a batch in one transaction (all or nothing, so a failed
 * batch is simply retried). PostgreSQL: add {@code reWriteBatchedInserts=true} to the JDBC URL for multi-row
 * inserts.
 */
final class JdbcBatchInsert {

    /** Authors are stored joined by a line feed, which no name contains. */
    static final String AUTHOR_SEPARATOR = "\n";

    private static final String INSERT_QUERY = """
            INSERT INTO queries (query_id, ts_ms, principal, origin, q, author, title, journal, took_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_PROVIDER = """
            INSERT INTO query_providers (query_id, seq_no, provider, provider_type, status, took_ms, total, returned,
                                         error, upstream_uri, http_status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_RESULT = """
            INSERT INTO query_results (query_id, provider, result_rank, ts_ms, provider_type, result_id, title, url,
                                       authors, journal, published, doi)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Runnable afterCommit;

    JdbcBatchInsert(JdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, () -> { });
    }

    /** @param afterCommit run after each committed batch, must not throw (a standby's read-your-writes mark) */
    JdbcBatchInsert(JdbcTemplate jdbc, TransactionTemplate tx, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.afterCommit = afterCommit;
    }

    private record Provider(QueryRecord query, int seqNo, ProviderSummary summary) {
    }

    private record Result(QueryRecord query, String providerType, ResultRow row) {
    }

    /** All of {@code batch} or nothing; throws the store's DataAccessException. */
    void insert(List<QueryRecord> batch) {
        try {
            tx.executeWithoutResult(status -> rows(batch));
        } catch (DuplicateKeyException e) {
            // Stored by an earlier commit whose answer was lost, which was never marked.
            afterCommit.run();
            throw e;
        }
        afterCommit.run();
    }

    /**
     * The records of {@code batch} whose query_id is not stored yet, in one transaction: one SELECT of the batch's
     * ids, then the batch insert of the others (a journal replayed after a crash holds records already committed).
     *
     * @return how many were inserted
     */
    int insertMissing(List<QueryRecord> batch) {
        if (batch.isEmpty()) return 0;
        String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
        Integer inserted = tx.execute(status -> {
            var stored = new HashSet<>(jdbc.queryForList(
                    "SELECT query_id FROM queries WHERE query_id IN (" + marks + ")", Long.class,
                    batch.stream().map(QueryRecord::queryId).toArray()));
            var missing = batch.stream().filter(r -> !stored.contains(r.queryId())).toList();
            rows(missing);
            return missing.size();
        });
        afterCommit.run();
        return inserted == null ? 0 : inserted;
    }

    private void rows(List<QueryRecord> batch) {
        if (batch.isEmpty()) return;
        var providers = new ArrayList<Provider>();
        var results = new ArrayList<Result>();
        for (QueryRecord r : batch) {
            var types = new HashMap<String, String>();
            int seq = 0;
            for (ProviderSummary p : r.providers()) {
                providers.add(new Provider(r, seq++, p));
                if (p.type() != null) types.put(p.provider(), p.type());
            }
            for (ResultRow row : r.results()) {
                results.add(new Result(r, types.get(row.provider()), row));
            }
        }
        jdbc.batchUpdate(INSERT_QUERY, batch, batch.size(), JdbcBatchInsert::query);
        if (!providers.isEmpty()) jdbc.batchUpdate(INSERT_PROVIDER, providers, providers.size(), JdbcBatchInsert::provider);
        if (!results.isEmpty()) jdbc.batchUpdate(INSERT_RESULT, results, results.size(), JdbcBatchInsert::result);
    }

    private static void query(PreparedStatement ps, QueryRecord r) throws SQLException {
        ps.setLong(1, r.queryId());
        ps.setLong(2, r.timestamp().toEpochMilli());
        ps.setString(3, r.principal() == null ? "anonymous" : r.principal());
        ps.setString(4, r.origin() == null ? "api" : r.origin());
        ps.setString(5, r.q());
        ps.setString(6, r.author());
        ps.setString(7, r.title());
        ps.setString(8, r.journal());
        ps.setLong(9, r.tookMs());
    }

    private static void provider(PreparedStatement ps, Provider p) throws SQLException {
        ProviderSummary s = p.summary();
        ps.setLong(1, p.query().queryId());
        ps.setInt(2, p.seqNo());
        ps.setString(3, s.provider());
        ps.setString(4, s.type());
        ps.setString(5, s.status());
        ps.setLong(6, s.tookMs());
        nullableLong(ps, 7, s.total());
        ps.setInt(8, s.returned());
        ps.setString(9, s.error());
        ps.setString(10, s.upstreamUri());
        if (s.httpStatus() == null) ps.setNull(11, Types.INTEGER); else ps.setInt(11, s.httpStatus());
    }

    private static void result(PreparedStatement ps, Result r) throws SQLException {
        ResultRow row = r.row();
        ps.setLong(1, r.query().queryId());
        ps.setString(2, row.provider());
        ps.setInt(3, row.rank());
        ps.setLong(4, r.query().timestamp().toEpochMilli());
        ps.setString(5, r.providerType());
        ps.setString(6, row.resultId());
        ps.setString(7, row.title());
        ps.setString(8, row.url());
        ps.setString(9, row.authors().isEmpty() ? null : String.join(AUTHOR_SEPARATOR, row.authors()));
        ps.setString(10, row.journal());
        ps.setString(11, row.published());
        ps.setString(12, row.doi());
    }

    private static void nullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) ps.setNull(index, Types.BIGINT); else ps.setLong(index, value);
    }
}
