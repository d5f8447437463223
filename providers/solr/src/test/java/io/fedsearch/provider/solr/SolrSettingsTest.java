package io.fedsearch.provider.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings record bound the way the core binds it, from fedsearch.providers.<id>.*, and its checks. */
class SolrSettingsTest {

    private static SolrSettings bind(Map<String, String> properties) {
        var source = new MapConfigurationPropertySource();
        properties.forEach((key, value) -> source.put("fedsearch.providers.papers." + key, value));
        return new Binder(source).bindOrCreate("fedsearch.providers.papers", SolrSettings.class);
    }

    private static Throwable invalid(Map<String, String> properties) {
        try {
            bind(properties);
        } catch (BindException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof InvalidConfigurationException)) {
                cause = cause.getCause();
            }
            return cause;
        }
        throw new AssertionError("bound without complaint: " + properties);
    }

    @Test
    void bindsItsOwnKeysWithDefaults() {
        SolrSettings settings = bind(Map.of("url", "http://localhost:8983/solr/papers/", "query-fields[0]", "title^2",
                "query-fields[1]", "abstract", "fields.title", "title", "fields.authors", "author_ss"));

        assertThat(settings.url()).isEqualTo("http://localhost:8983/solr/papers");
        assertThat(settings.queryFields()).containsExactly("title^2", "abstract");
        assertThat(settings.fields()).containsEntry("title", "title").containsEntry("authors", "author_ss")
                .as("id defaults to Solr's usual uniqueKey").containsEntry("id", "id");
        assertThat(settings.highlight()).isFalse();
        assertThat(settings.username()).isNull();
    }

    @Test
    void bindsCommaSeparatedQueryFieldsHighlightAndCredentials() {
        SolrSettings settings = bind(Map.of("url", "https://solr.example.org/solr/c1", "query-fields", "title^2,abstract",
                "fields.title", "title", "fields.id", "key", "highlight", "true", "username", "reader", "password", "secret"));

        assertThat(settings.queryFields()).containsExactly("title^2", "abstract");
        assertThat(settings.field("id")).isEqualTo("key");
        assertThat(settings.highlight()).isTrue();
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void namesTheKeyOfEveryBadValue() {
        var good = Map.of("url", "http://localhost:8983/solr/papers", "query-fields", "title", "fields.title", "title");

        assertThat(invalid(with(good, "url", "ftp://localhost/solr/papers"))).hasMessageStartingWith("url: 'ftp://localhost/solr/papers'");
        assertThat(invalid(with(good, "url", "http://localhost:8983/solr/papers?q=x"))).hasMessageStartingWith("url: ");
        assertThat(invalid(with(good, "url", "http://localhost:8983"))).hasMessageStartingWith("url: ");
        assertThat(invalid(with(good, "query-fields", "title^2,ab stract"))).hasMessageStartingWith("query-fields[1]: 'ab stract'");
        assertThat(invalid(with(good, "fields.colour", "colour"))).hasMessageStartingWith("fields.colour: 'colour' is not allowed; fields are authors, doi");
        assertThat(invalid(with(good, "fields.url", "link v=$x"))).hasMessageStartingWith("fields.url: 'link v=$x'");
        assertThat(invalid(with(good, "username", "reader"))).hasMessageStartingWith("password: ");
        assertThat(invalid(with(good, "password", "secret"))).hasMessageStartingWith("username: ");
    }

    @Test
    void requiresAUrlQueryFieldsAndATitleField() {
        assertThatThrownBy(() -> new SolrSettings(null, List.of("title"), Map.of("title", "title"), false, null, null))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("url: 'null'");
        assertThatThrownBy(() -> new SolrSettings("http://h/solr/c", List.of(), Map.of("title", "title"), false, null, null))
                .hasMessageStartingWith("query-fields: ");
        assertThatThrownBy(() -> new SolrSettings("http://h/solr/c", List.of("title"), Map.of(), false, null, null))
                .hasMessageStartingWith("fields.title: ");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
