package io.fedsearch.provider.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.DirectSearchProvider;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import java.sql.Array;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * Searches a database with the configured SELECT. The caller's values are bound as statement parameters; the
 * connections come from a small pool of this provider's own, read-only (on PostgreSQL every transaction is
 * {@code BEGIN READ ONLY}); each statement runs under the time the call has left and is cancelled in the database
 * when the call is.
 */
final class JdbcProvider implements DirectSearchProvider, AutoCloseable {

    /** SQLSTATE query_canceled: PostgreSQL and H2 report both a statement timeout and a cancel with it. */
    private static final String QUERY_CANCELED = "57014";

    private final String id;
    private final Capabilities capabilities;
    private final Map<String, String> fields;
    private final ParsedSql query;
    private final ParsedSql countQuery;
    private final HikariDataSource pool;
    private final ThreadFactory statementThreads;

    JdbcProvider(String id, JdbcSettings settings) {
        this.id = id;
        this.capabilities = settings.capabilities();
        this.fields = settings.fields();
        this.query = NamedParameterUtils.parseSqlStatement(settings.query());
        this.countQuery = settings.countQuery() == null ? null : NamedParameterUtils.parseSqlStatement(settings.countQuery());
        this.pool = new HikariDataSource(poolConfig(id, settings));
        this.statementThreads = Thread.ofVirtual().name("fedsearch-jdbc-" + id + "-", 0).factory();
    }

    private static HikariConfig poolConfig(String id, JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("fedsearch-jdbc-" + id);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        // Read-only, and never auto-commit: pgjdbc then opens each transaction with BEGIN READ ONLY, which the server
        // enforces, and SET LOCAL settings live exactly as long as one call. The pool rolls back on return.
        config.setReadOnly(true);
        config.setAutoCommit(false);
        // A database that is down must not stop Fedsearch from starting: the provider reports errors instead.
        config.setInitializationFailTimeout(-1);
        // Waiting for a connection longer than a call's usual deadline only turns "database down" into a timeout.
        config.setConnectionTimeout(1000);
        return config;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return JdbcProviderKind.TYPE;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * Runs the statements on a helper virtual thread and waits for it interruptibly. Interrupting a thread blocked
     * in JDBC would close its socket (the JDK closes the socket of an interrupted virtual thread) and leave the
     * statement running in the database; so the interrupted caller sends Statement.cancel instead, and the helper
     * gets the database's "canceled" error and returns its connection to the pool intact.
     */
    @Override
    public ProviderPage search(ProviderQuery query, Duration timeLeft) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeLeft.toNanos();
        RunningStatement running = new RunningStatement(id);
        FutureTask<ProviderPage> call = new FutureTask<>(() -> run(query, deadline, running));
        statementThreads.newThread(call).start();
        try {
            return call.get();
        } catch (InterruptedException cancelled) {
            running.cancel();
            throw cancelled;
        } catch (ExecutionException failed) {
            switch (failed.getCause()) {
                case TimeoutException timeout -> throw timeout;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(failed.getCause());
            }
        }
    }

    private ProviderPage run(ProviderQuery query, long deadline, RunningStatement running) throws TimeoutException {
        MapSqlParameterSource values = new MapSqlParameterSource()
                .addValue("q", query.q()).addValue("author", query.author()).addValue("title", query.title())
                .addValue("journal", query.journal()).addValue("limit", query.size()).addValue("offset", query.offset());
        try (Connection connection = pool.getConnection()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            List<SearchHit> hits = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, this.query, values, deadline, postgres)) {
                if (!running.start(statement)) throw new IllegalStateException("cancelled before it ran");
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) hits.add(hit(rows));
                }
            }
            Long total = null;
            if (countQuery != null) {
                try (PreparedStatement statement = prepare(connection, countQuery, values, deadline, postgres)) {
                    if (!running.start(statement)) throw new IllegalStateException("cancelled before it ran");
                    try (ResultSet rows = statement.executeQuery()) {
                        total = rows.next() ? rows.getLong(1) : null;
                    }
                }
            }
            return new ProviderPage(total, hits);
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                var timeout = new TimeoutException("the database stopped the query at its statement timeout");
                timeout.initCause(e);
                throw timeout;
            }
            throw new UpstreamFailureException("database error " + e.getSQLState() + ": " + e.getMessage());
        }
    }

    /**
     * The statement with {@code ?} for each named parameter, its values bound, and its timeout set to what is left
     * of the call: on PostgreSQL by {@code set_config('statement_timeout', ms, true)} (= SET LOCAL: milliseconds,
     * enforced by the server, gone with the transaction), elsewhere by JDBC's query timeout (whole seconds, rounded
     * up; the core's interrupt still ends the call at its deadline to the millisecond).
     */
    private static PreparedStatement prepare(Connection connection, ParsedSql sql, MapSqlParameterSource values,
                                             long deadline, boolean postgres) throws SQLException, TimeoutException {
        long leftNanos = deadline - System.nanoTime();
        if (leftNanos <= 0) throw new TimeoutException("no time left for the query");
        if (postgres) {
            try (PreparedStatement limit = connection.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
                limit.setString(1, Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNanos))));
                limit.execute();
            }
        }
        PreparedStatement statement = connection.prepareStatement(NamedParameterUtils.substituteNamedParameters(sql, values));
        try {
            if (!postgres) statement.setQueryTimeout((int) Math.max(1, Math.ceilDiv(leftNanos, 1_000_000_000L)));
            Object[] bound = NamedParameterUtils.buildValueArray(sql, values, null);
            for (int i = 0; i < bound.length; i++) {
                switch (bound[i]) {
                    case null -> statement.setNull(i + 1, Types.VARCHAR);
                    case Integer number -> statement.setInt(i + 1, number);
                    default -> statement.setString(i + 1, bound[i].toString());
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private SearchHit hit(ResultSet row) throws SQLException {
        return new SearchHit(text(row, "id"), text(row, "title"), text(row, "url"), text(row, "snippet"),
                authors(row), text(row, "published"), text(row, "journal"), text(row, "doi"));
    }

    /** The mapped column as text, null when the field is unmapped or the value NULL. */
    private String text(ResultSet row, String field) throws SQLException {
        String column = fields.get(field);
        return column == null ? null : text(row.getObject(column));
    }

    /** Dates and times in ISO-8601 as SearchHit asks, large text read whole, anything else as its string. */
    private static String text(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Clob clob -> clob.getSubString(1, (int) clob.length());
            case java.sql.Date date -> date.toLocalDate().toString();
            case Timestamp timestamp -> timestamp.toLocalDateTime().toString();
            default -> value.toString();
        };
    }

    /** An SQL array gives one author per element; text is split at {@code ;}. */
    private List<String> authors(ResultSet row) throws SQLException {
        String column = fields.get("authors");
        if (column == null) return List.of();
        Object value = row.getObject(column);
        if (value instanceof Array array) {
            return Arrays.stream((Object[]) array.getArray()).filter(a -> a != null).map(Object::toString).toList();
        }
        String text = text(value);
        if (text == null) return List.of();
        return Arrays.stream(text.split(";")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    /** Whether the pool has been closed (the provider then fails every call). */
    boolean closed() {
        return pool.isClosed();
    }

    /** Closes the pool: idle connections at once, connections in use when their call ends. */
    @Override
    public void close() {
        pool.close();
    }
}
