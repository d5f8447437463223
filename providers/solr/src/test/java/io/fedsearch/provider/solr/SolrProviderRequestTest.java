package io.fedsearch.provider.solr;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.HttpSearchProvider;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request the kind builds, read back parameter by parameter (no Solr needed). */
class SolrProviderRequestTest {

    private static HttpSearchProvider provider(boolean highlight, String username, String password) {
        return (HttpSearchProvider) new SolrProviderKind().create("papers",
                Papers.settings("https://solr.example.org/solr/papers/", highlight, username, password));
    }

    private static List<Map.Entry<String, String>> params(UpstreamRequest request) {
        return Arrays.stream(request.uri().getRawQuery().split("&")).map(pair -> pair.split("=", -1))
                .map(p -> (Map.Entry<String, String>) new SimpleEntry<>(decode(p[0]), decode(p[1]))).toList();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Test
    void asksSelectWithEdismaxEscapedTextAndThePageAsStartAndRows() {
        UpstreamRequest request = provider(false, null, null).request(new ProviderQuery("C++ & \"photonic lattices\"", null, null, null, 3, 20, null));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().getPath()).isEqualTo("/solr/papers/select");
        assertThat(request.uri().getRawQuery()).doesNotContain(" ", "+", "\"");
        assertThat(params(request)).contains(
                Map.entry("defType", "edismax"),
                Map.entry("q", "C\\+\\+ \\& \"photonic lattices\""),
                Map.entry("qf", "title^2 abstract"),
                Map.entry("q.op", "AND"),
                Map.entry("uf", "-*"),
                Map.entry("start", "40"),
                Map.entry("rows", "20"),
                Map.entry("wt", "json"));
        assertThat(params(request)).filteredOn(p -> p.getKey().equals("fl")).singleElement()
                .satisfies(fl -> assertThat(fl.getValue().split(","))
                        .containsExactlyInAnyOrder("id", "title", "link", "abstract", "author", "journal", "doi", "published"));
        assertThat(params(request)).extracting(Map.Entry::getKey).doesNotContain("q.alt", "fq", "hl");
        assertThat(request.headers()).containsEntry("Accept", "application/json").doesNotContainKey("Authorization");
    }

    @Test
    void putsFieldedTextInFiltersOfItsOwnParameterNeverInTheLocalParameters() {
        UpstreamRequest request = provider(false, null, null).request(
                new ProviderQuery(null, "Hopper} {!lucene}*:*", "photonic", "Nature", 1, 10, null));

        assertThat(params(request)).contains(
                Map.entry("q.alt", "*:*"),
                Map.entry("fq", "{!edismax qf=author q.op=AND uf=-* lowercaseOperators=false v=$fs.author}"),
                Map.entry("fs.author", "Hopper\\} \\{\\!lucene\\}\\*\\:\\*"),
                Map.entry("fq", "{!edismax qf=title q.op=AND uf=-* lowercaseOperators=false v=$fs.title}"),
                Map.entry("fs.title", "photonic"),
                Map.entry("fq", "{!edismax qf=journal q.op=AND uf=-* lowercaseOperators=false v=$fs.journal}"),
                Map.entry("fs.journal", "Nature"));
        assertThat(params(request)).extracting(Map.Entry::getKey).doesNotContain("q");
    }

    @Test
    void asksForOnePlainTextPassageWhenHighlighting() {
        UpstreamRequest request = provider(true, null, null).request(new ProviderQuery("quantum", null, null, null, 1, 10, null));

        assertThat(params(request)).contains(
                Map.entry("hl", "true"),
                Map.entry("hl.method", "unified"),
                Map.entry("hl.fl", "abstract,title"),
                Map.entry("hl.snippets", "1"),
                Map.entry("hl.tag.pre", ""),
                Map.entry("hl.tag.post", ""),
                Map.entry("hl.defaultSummary", "true"));
    }

    @Test
    void sendsBasicAuthWhenConfigured() {
        UpstreamRequest request = provider(false, "reader", "pa:ss").request(new ProviderQuery("q", null, null, null, 1, 10, null));

        assertThat(request.headers()).containsEntry("Authorization", "Basic cmVhZGVyOnBhOnNz");
    }

    @Test
    void offersAuthorAndJournalFiltersOnlyWhenTheirFieldsAreMapped() {
        assertThat(provider(false, null, null).capabilities()).isEqualTo(Capabilities.ALL_FIELDS);
        var titleOnly = new SolrSettings("http://localhost:8983/solr/x", List.of("title"), Map.of("title", "title"), false, null, null);
        assertThat(new SolrProviderKind().create("x", titleOnly).capabilities()).isEqualTo(new Capabilities(true, false, true, false));
    }
}
