package io.fedsearch.provider.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The jdbc kind on H2, searching by substring; authors are one text column separated by ;. */
class JdbcProviderOnH2Test extends JdbcProviderTest {

    private static final String MATCHES = "(:q IS NULL OR LOWER(title || ' ' || body) LIKE '%' || LOWER(:q) || '%')"
            + " AND (:author IS NULL OR ';' || authors || ';' LIKE '%;' || :author || ';%')";

    private static final String URL = "jdbc:h2:mem:docs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @BeforeAll
    static void loadDocuments() throws SQLException {
        try (Connection admin = DriverManager.getConnection(URL, "sa", "")) {
            admin.createStatement().execute("""
                    CREATE TABLE docs (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL, body VARCHAR(2000) NOT NULL,
                                       url VARCHAR(200), authors VARCHAR(200), published DATE, journal VARCHAR(100))""");
            try (PreparedStatement insert = admin.prepareStatement("INSERT INTO docs VALUES (?, ?, ?, ?, ?, CAST(? AS DATE), ?)")) {
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
        return URL;
    }

    @Override
    String username() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    String searchQuery() {
        return """
                SELECT id, title, url, body AS snippet, authors, published, journal
                FROM docs
                WHERE %s
                ORDER BY id
                LIMIT :limit OFFSET :offset""".formatted(MATCHES);
    }

    @Override
    String countQuery() {
        return "SELECT COUNT(*) FROM docs WHERE " + MATCHES;
    }

    @Test
    void aSlowQueryIsStoppedByTheDatabaseAtTheTimeLeftRoundedUpToASecond() {
        // Summing a billion numbers takes H2 far longer than a second.
        JdbcProvider provider = provider("""
                SELECT id, title FROM docs
                WHERE :q IS NOT NULL AND (SELECT SUM(X) FROM SYSTEM_RANGE(1, 1000000000)) > 0
                LIMIT :limit OFFSET :offset""", null, Map.of("title", "title"));

        assertThatThrownBy(() -> provider.search(q("slow", 1, 10), Duration.ofMillis(200)))
                .isInstanceOf(TimeoutException.class)
                .cause().isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
    }
}
