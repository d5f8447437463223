package io.fedsearch.provider.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the jdbc kind does on every database, run on PostgreSQL and on H2 by subclass. Each subclass loads the
 * same six documents and searches them its own way (full text, LIKE) with the parameters :q and :author.
 */
abstract class JdbcProviderTest {

    /** id, title, body, authors, published, journal. */
    static final List<List<String>> DOCS = List.of(
            List.of("1", "Dark matter in dwarf galaxies", "We measure the halos of dwarf galaxies.", "Rubin;Ford", "2020-01-15", "ApJ"),
            List.of("2", "Galaxy rotation curves", "Flat rotation curves imply dark matter.", "Rubin", "2019-03-02", "AJ"),
            List.of("3", "Dark energy and the expansion", "Supernovae show an accelerating universe.", "Perlmutter", "1999-06-01", "ApJ"),
            List.of("4", "Matter power spectrum", "The large scale structure of matter.", "Peebles", "2001-01-01", "MNRAS"),
            List.of("5", "Stellar nurseries", "Star formation in molecular clouds.", "Lada", "2003-01-01", "ARA&A"),
            List.of("6", "Dark matter detection underground",
                    "Direct detection of dark matter: dark matter particles in the lab.", "Aprile", "2021-05-05", "PRL"));
    static final Map<String, String> FIELDS = Map.of("id", "id", "title", "title", "url", "url", "snippet", "snippet",
            "authors", "authors", "published", "published", "journal", "journal");

    private JdbcProvider provider;

    abstract String jdbcUrl();

    abstract String username();

    abstract String password();

    /** Finds documents by :q and :author (each ignored when NULL), best first. */
    abstract String searchQuery();

    abstract String countQuery();

    JdbcProvider provider(String query, String countQuery, Map<String, String> fields) {
        provider = new JdbcProvider("docs", new JdbcSettings(jdbcUrl(), username(), password(), query, countQuery, fields, 2));
        return provider;
    }

    JdbcProvider provider() {
        return provider(searchQuery(), countQuery(), FIELDS);
    }

    @AfterEach
    void closePool() {
        if (provider != null) provider.close();
    }

    static ProviderQuery q(String q, int page, int size) {
        return new ProviderQuery(q, null, null, null, page, size, null);
    }

    static ProviderPage search(JdbcProvider provider, ProviderQuery query) throws Exception {
        return provider.search(query, Duration.ofSeconds(30));
    }

    static List<String> ids(ProviderPage page) {
        return page.hits().stream().map(SearchHit::id).toList();
    }

    /** A writable connection beside the provider's pool, to look at the table. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    long rows(String sql) throws SQLException {
        try (Connection admin = admin(); ResultSet rows = admin.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void findsTheMatchingDocumentsWithTheirTotal() throws Exception {
        ProviderPage page = search(provider(), q("dark matter", 1, 10));

        assertThat(ids(page)).containsExactlyInAnyOrder("1", "2", "6");
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void mapsTheConfiguredColumnsToHitFields() throws Exception {
        SearchHit hit = search(provider(), q("dwarf galaxies", 1, 10)).hits().getFirst();

        assertThat(hit.id()).isEqualTo("1");
        assertThat(hit.title()).isEqualTo("Dark matter in dwarf galaxies");
        assertThat(hit.url()).isEqualTo("https://example.org/docs/1");
        assertThat(hit.snippet()).contains("halos");
        assertThat(hit.authors()).containsExactly("Rubin", "Ford");
        assertThat(hit.published()).isEqualTo("2020-01-15");
        assertThat(hit.journal()).isEqualTo("ApJ");
        assertThat(hit.doi()).as("unmapped").isNull();
    }

    @Test
    void pagesThroughTheResultsWithTheSameTotalOnEveryPage() throws Exception {
        JdbcProvider provider = provider();
        ProviderPage first = search(provider, q("dark matter", 1, 2));
        ProviderPage second = search(provider, q("dark matter", 2, 2));
        ProviderPage beyond = search(provider, q("dark matter", 3, 2));

        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        assertThat(beyond.hits()).isEmpty();
        assertThat(List.of(first.total(), second.total(), beyond.total())).containsOnly(3L);
        assertThat(ids(first)).as("best first, the same order as one big page")
                .isEqualTo(ids(search(provider, q("dark matter", 1, 10))).subList(0, 2));
    }

    @Test
    void filtersByAuthorBecauseTheQueryNamesTheParameter() throws Exception {
        JdbcProvider provider = provider();

        assertThat(provider.capabilities().author()).isTrue();
        assertThat(provider.capabilities().title()).isFalse();
        ProviderPage page = search(provider, new ProviderQuery(null, "Rubin", null, null, 1, 10, null));
        assertThat(ids(page)).containsExactlyInAnyOrder("1", "2");
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void bindsTheQueryAsAValueSoAnInjectionFindsNothingAndDropsNothing() throws Exception {
        ProviderPage page = search(provider(), q("'; drop table docs; --", 1, 10));

        assertThat(page.hits()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(rows("SELECT count(*) FROM docs")).isEqualTo(DOCS.size());
    }

    @Test
    void reportsAColumnTheQueryDoesNotSelectWithTheDatabasesReason() {
        Map<String, String> fields = new HashMap<>(FIELDS);
        fields.put("doi", "no_such_column");
        JdbcProvider provider = provider(searchQuery(), countQuery(), fields);

        assertThatThrownBy(() -> search(provider, q("dark matter", 1, 10)))
                .isInstanceOf(UpstreamFailureException.class)
                .hasMessageStartingWith("database error")
                .hasMessageContainingAll("no_such_column");
    }

    @Test
    void answersWithoutATotalWhenNoCountQueryIsConfigured() throws Exception {
        ProviderPage page = search(provider(searchQuery(), null, FIELDS), q("dark matter", 1, 10));

        assertThat(page.hits()).hasSize(3);
        assertThat(page.total()).isNull();
    }

    @Test
    void givesUpBeforeRunningWhenNoTimeIsLeft() {
        JdbcProvider provider = provider();

        assertThatThrownBy(() -> provider.search(q("dark matter", 1, 10), Duration.ZERO))
                .isInstanceOf(TimeoutException.class);
    }
}
