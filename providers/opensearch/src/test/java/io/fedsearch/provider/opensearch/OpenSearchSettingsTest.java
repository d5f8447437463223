package io.fedsearch.provider.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OpenSearchSettingsTest {

    private static final Map<String, String> TITLE = Map.of("title", "title");

    private static OpenSearchSettings settings(String url, String index, List<String> searchFields, Map<String, String> fields,
                                               String username, String password, String apiKey) {
        return new OpenSearchSettings(url, index, searchFields, fields, false, username, password, apiKey);
    }

    @Test
    void bindsItsKeysFromConfigurationUnderTheProvidersPrefix() {
        var source = new MapConfigurationPropertySource(Map.of(
                "fedsearch.providers.papers.url", "https://search.example.org:9200/",
                "fedsearch.providers.papers.index", "papers-*",
                "fedsearch.providers.papers.search-fields[0]", "title^2",
                "fedsearch.providers.papers.search-fields[1]", "abstract",
                "fedsearch.providers.papers.fields.title", "title",
                "fedsearch.providers.papers.fields.authors", "authors.name",
                "fedsearch.providers.papers.highlight", "true",
                "fedsearch.providers.papers.api-key", "k3y"));

        OpenSearchSettings s = new Binder(source).bind("fedsearch.providers.papers", OpenSearchSettings.class).get();

        assertThat(s.searchFields()).containsExactly("title^2", "abstract");
        assertThat(s.fields()).containsEntry("authors", "authors.name");
        assertThat(s.highlight()).isTrue();
        assertThat(s.apiKey()).isEqualTo("k3y");
        assertThat(s.searchUri()).hasToString("https://search.example.org:9200/papers-*/_search");
    }

    @Test
    void keepsAPathPrefixOfTheClusterUrl() {
        assertThat(settings("http://proxy.local/opensearch", "papers", null, TITLE, null, null, null).searchUri())
                .hasToString("http://proxy.local/opensearch/papers/_search");
    }

    @Test
    void rejectsAUrlThatIsNotAnHttpUrlOfACluster() {
        for (String url : new String[] {null, "localhost:9200", "ftp://host/x", "http://host:9200/?pretty", "http:/nohost"}) {
            assertThatThrownBy(() -> settings(url, "papers", null, TITLE, null, null, null))
                    .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("url: '" + url + "'");
        }
    }

    @Test
    void rejectsAnIndexThatCouldLeaveItsPathSegment() {
        for (String index : new String[] {null, "", "Papers", "a/b", "papers?x=1", "../x", "_all", "a b", "a%2fb"}) {
            assertThatThrownBy(() -> settings("http://localhost:9200", index, null, TITLE, null, null, null))
                    .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("index: ");
        }
    }

    @Test
    void namesTheBadSearchFieldByItsPosition() {
        assertThatThrownBy(() -> settings("http://localhost:9200", "papers", List.of("title", "body^x"), TITLE, null, null, null))
                .hasMessageStartingWith("search-fields[1]: 'body^x'");
    }

    @Test
    void namesAnUnknownOrBadFieldAndRequiresATitle() {
        assertThatThrownBy(() -> settings("http://localhost:9200", "papers", null, Map.of("title", "t", "colour", "c"), null, null, null))
                .hasMessageStartingWith("fields.colour: 'c'").hasMessageContaining("authors, doi, id, journal");
        assertThatThrownBy(() -> settings("http://localhost:9200", "papers", null, Map.of("title", "meta..title"), null, null, null))
                .hasMessageStartingWith("fields.title: 'meta..title'");
        assertThatThrownBy(() -> settings("http://localhost:9200", "papers", null, Map.of("url", "link"), null, null, null))
                .hasMessageStartingWith("fields.title: 'null'");
    }

    @Test
    void wantsCredentialsInPairsAndNeverPrintsASecret() {
        String url = "http://localhost:9200";
        assertThatThrownBy(() -> settings(url, "papers", null, TITLE, "alice", null, null)).hasMessageStartingWith("password: 'null'");
        assertThatThrownBy(() -> settings(url, "papers", null, TITLE, null, "pw-secret", null))
                .hasMessageStartingWith("username: 'null'").hasMessageNotContaining("pw-secret");
        assertThatThrownBy(() -> settings(url, "papers", null, TITLE, "a:b", "pw", null)).hasMessageStartingWith("username: 'a:b'");
        assertThatThrownBy(() -> settings(url, "papers", null, TITLE, "alice", "pw", "key-secret"))
                .hasMessageStartingWith("api-key: ").hasMessageNotContaining("key-secret");
    }
}
