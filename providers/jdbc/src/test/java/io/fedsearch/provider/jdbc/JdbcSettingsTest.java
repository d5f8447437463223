package io.fedsearch.provider.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.InvalidConfigurationException;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class JdbcSettingsTest {

    private static final String URL = "jdbc:h2:mem:settings";
    private static final String QUERY = "SELECT id, title FROM docs WHERE title LIKE :q LIMIT :limit OFFSET :offset";
    private static final Map<String, String> FIELDS = Map.of("title", "title");

    private static JdbcSettings settings(String url, String query, String countQuery, Map<String, String> fields, int poolSize) {
        return new JdbcSettings(url, "reader", "secret", query, countQuery, fields, poolSize);
    }

    private static AbstractThrowableAssert<?, ?> rejected(String url, String query, String countQuery,
                                                           Map<String, String> fields, int poolSize) {
        return assertThatThrownBy(() -> settings(url, query, countQuery, fields, poolSize))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    private static JdbcSettings bind(Map<String, String> properties) {
        var source = new MapConfigurationPropertySource();
        properties.forEach((key, value) -> source.put("fedsearch.providers.library." + key, value));
        return new Binder(source).bind("fedsearch.providers.library", JdbcSettings.class).get();
    }

    @Test
    void bindsItsKeysFromTheProvidersConfigurationWithASmallDefaultPool() {
        JdbcSettings settings = bind(Map.of("jdbc-url", URL, "username", "reader", "password", "secret",
                "query", QUERY, "count-query", "SELECT count(*) FROM docs WHERE title LIKE :q",
                "fields.title", "title", "fields.url", "link"));

        assertThat(settings.jdbcUrl()).isEqualTo(URL);
        assertThat(settings.countQuery()).isEqualTo("SELECT count(*) FROM docs WHERE title LIKE :q");
        assertThat(settings.fields()).isEqualTo(Map.of("title", "title", "url", "link"));
        assertThat(settings.poolSize()).isEqualTo(4);
    }

    @Test
    void aBadValueBoundFromConfigurationFailsNamingItsKey() {
        assertThatThrownBy(() -> bind(Map.of("jdbc-url", URL, "query", "SELECT * FROM docs", "fields.title", "title")))
                .isInstanceOf(BindException.class)
                .rootCause().isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("query: 'SELECT * FROM docs' is not allowed;");
    }

    @Test
    void eachBadValueFailsNamingItsKey() {
        rejected("postgresql://db/library", QUERY, null, FIELDS, 4).hasMessageStartingWith("jdbc-url:");
        rejected(URL, null, null, FIELDS, 4).hasMessageStartingWith("query:");
        rejected(URL, "SELECT id, title FROM docs WHERE title LIKE :q LIMIT :limit", null, FIELDS, 4)
                .hasMessageStartingWith("query:").hasMessageEndingWith("(it lacks :offset)");
        rejected(URL, QUERY + " AND owner = :user", null, FIELDS, 4)
                .hasMessageStartingWith("query:").hasMessageEndingWith(":user is not one");
        rejected(URL, QUERY.replace("LIKE :q", "LIKE :q OR title = ?"), null, FIELDS, 4)
                .hasMessageStartingWith("query:").hasMessageContaining("no ? placeholders");
        rejected(URL, QUERY, "SELECT count(*) FROM docs WHERE title LIKE ?", FIELDS, 4)
                .hasMessageStartingWith("count-query:");
        rejected(URL, QUERY, "SELECT count(*) FROM docs WHERE owner = :owner", FIELDS, 4)
                .hasMessageStartingWith("count-query:");
        rejected(URL, QUERY, null, null, 4).hasMessageStartingWith("fields.title:");
        rejected(URL, QUERY, null, Map.of("url", "link"), 4).hasMessageStartingWith("fields.title:");
        rejected(URL, QUERY, null, Map.of("title", "title", "body", "body"), 4).hasMessageStartingWith("fields.body:");
        rejected(URL, QUERY, null, Map.of("title", " "), 4).hasMessageStartingWith("fields.title:");
        rejected(URL, QUERY, null, FIELDS, 0).hasMessageStartingWith("pool-size:");
    }

    @Test
    void castsAndColonsInsideTextAreNotParameters() {
        JdbcSettings settings = settings(URL, """
                SELECT id, title::text, 'at 10:30' AS note FROM docs -- :note
                WHERE title LIKE :q LIMIT :limit OFFSET :offset""", null, FIELDS, 4);

        assertThat(settings.capabilities()).isEqualTo(Capabilities.FREE_TEXT_ONLY);
    }

    @Test
    void offersTheFieldsWhoseParametersTheQueryNames() {
        JdbcSettings settings = settings(URL, """
                SELECT id, title FROM docs
                WHERE (:q IS NULL OR title LIKE :q) AND (:journal IS NULL OR journal = :journal)
                LIMIT :limit OFFSET :offset""", null, FIELDS, 4);

        assertThat(settings.capabilities()).isEqualTo(new Capabilities(true, false, false, true));
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(settings(URL, QUERY, null, FIELDS, 4).toString()).doesNotContain("secret").contains("password=***");
    }
}
