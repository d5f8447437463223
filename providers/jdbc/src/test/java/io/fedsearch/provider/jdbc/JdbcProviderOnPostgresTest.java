package io.fedsearch.provider.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.UpstreamFailureException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The jdbc kind on a real PostgreSQL: full-text search, and what only a server database shows. */
class JdbcProviderOnPostgresTest extends JdbcProviderTest {

    private static final String DOCUMENT = "to_tsvector('english', title || ' ' || body)";
    private static final String MATCHES = "(:q IS NULL OR " + DOCUMENT + " @@ websearch_to_tsquery('english', :q))"
            + " AND (:author IS NULL OR :author = ANY(authors))";
    /** A query that sleeps a minute in the database before answering when :q is "slow", else answers at once. */
    private static final String SLOW = """
            SELECT id, title FROM docs, pg_sleep(CASE WHEN :q = 'slow' THEN 60 ELSE 0 END)
            ORDER BY id LIMIT :limit OFFSET :offset""";

    private static String url;

    @BeforeAll
    static void loadDocuments() throws SQLException {
        url = TestPostgres.newDatabase();
        try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres")) {
            admin.createStatement().execute("""
                    CREATE TABLE docs (id integer PRIMARY KEY, title text NOT NULL, body text NOT NULL, url text,
                                       authors text[], published date, journal text)""");
            try (PreparedStatement insert = admin.prepareStatement(
                    "INSERT INTO docs VALUES (?, ?, ?, ?, string_to_array(?, ';'), ?::date, ?)")) {
                for (var doc : DOCS) {
                    insert.setInt(1, Integer.parseInt(doc.get(0)));
                    insert.setString(2, doc.get(1));
                    insert.setString(3, doc.get(2));
                    insert.setString(4, "https://example.org/docs/" + doc.get(0));
                    insert.setString(5, doc.get(3));
                    insert.setString(6, doc.get(4));
                    insert.setString(7, doc.get(5));
                    insert.executeUpdate();
                }
            }
        }
    }

    @Override
    String jdbcUrl() {
        return url;
    }

    @Override
    String username() {
        return "postgres";
    }

    @Override
    String password() {
        return "postgres";
    }

    @Override
    String searchQuery() {
        return """
                SELECT id, title, url, authors, published, journal,
                       ts_headline('english', body, websearch_to_tsquery('english', :q)) AS snippet
                FROM docs
                WHERE %s
                ORDER BY ts_rank(%s, websearch_to_tsquery('english', :q)) DESC NULLS LAST, id
                LIMIT :limit OFFSET :offset""".formatted(MATCHES, DOCUMENT);
    }

    @Override
    String countQuery() {
        return "SELECT count(*) FROM docs WHERE " + MATCHES;
    }

    @Test
    void ranksTheDocumentThatSaysItMostFirst() throws Exception {
        ProviderPage page = search(provider(), q("dark matter", 1, 10));

        assertThat(ids(page).getFirst()).isEqualTo("6");
    }

    @Test
    void understandsWebSearchSyntax() throws Exception {
        JdbcProvider provider = provider();

        assertThat(ids(search(provider, q("\"dark matter\" -galaxies", 1, 10)))).containsExactly("6");
        assertThat(ids(search(provider, q("dark or stellar", 1, 10)))).containsExactlyInAnyOrder("1", "2", "3", "5", "6");
    }

    @Test
    void aConfiguredUpdateFailsBecauseEveryTransactionIsReadOnly() throws Exception {
        JdbcProvider provider = provider("""
                WITH changed AS (UPDATE docs SET title = 'defaced' WHERE :q IS NOT NULL RETURNING id, title)
                SELECT id, title FROM changed LIMIT :limit OFFSET :offset""", null, Map.of("title", "title"));

        assertThatThrownBy(() -> search(provider, q("dark matter", 1, 10)))
                .isInstanceOf(UpstreamFailureException.class)
                .hasMessageContaining("25006")
                .hasMessageContaining("read-only transaction");
        assertThat(rows("SELECT count(*) FROM docs WHERE title = 'defaced'")).isZero();
    }

    @Test
    void aSlowQueryIsStoppedByTheDatabaseWhenTheTimeLeftRunsOut() throws Exception {
        JdbcProvider provider = provider(SLOW, null, Map.of("title", "title"));

        // No interrupt here: only the statement timeout, set from the time left, can end the sleep.
        assertThatThrownBy(() -> provider.search(q("slow", 1, 10), Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class)
                .cause().isInstanceOf(SQLException.class)
                .hasMessageContaining("statement timeout")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
        assertThat(sleepingStatements()).isZero();
        assertThat(search(provider, q("fast", 1, 10)).hits()).as("the pool still serves").hasSize(DOCS.size());
    }

    @Test
    void aCancelledCallCancelsItsStatementInTheDatabase() throws Exception {
        JdbcProvider provider = provider(SLOW, null, Map.of("title", "title"));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread call = Thread.ofVirtual().start(() -> {
            try {
                provider.search(q("slow", 1, 10), Duration.ofMinutes(2));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> sleepingStatements() == 1);

        call.interrupt();

        assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> sleepingStatements() == 0);
        assertThat(search(provider, q("fast", 1, 10)).hits()).as("the pool still serves").hasSize(DOCS.size());
    }

    /** Statements of other sessions in this test's database that are sleeping right now. */
    private long sleepingStatements() throws SQLException {
        return rows("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep(CASE%'");
    }
}
