package io.fedsearch.provider.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.HttpSearchProvider;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamResponse;
import io.fedsearch.provider.solr.SolrServerExtension.SolrNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The solr kind against a real Solr node holding {@link Papers}, over real HTTP. */
@ExtendWith(SolrServerExtension.class)
class SolrProviderTest {

    private final SolrNode solr;

    SolrProviderTest(SolrNode solr) {
        this.solr = solr;
    }

    private HttpSearchProvider provider(boolean highlight) {
        return (HttpSearchProvider) new SolrProviderKind().create("papers", Papers.settings(solr.coreUrl(), highlight, null, null));
    }

    private static ProviderQuery text(String q) {
        return new ProviderQuery(q, null, null, null, 1, 10, null);
    }

    private static ProviderPage search(HttpSearchProvider provider, ProviderQuery query) {
        UpstreamResponse response = UpstreamSender.send(provider.request(query));
        return provider.parse(query, response);
    }

    private List<String> ids(ProviderQuery query) {
        return search(provider(false), query).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void findsPapersByFreeTextAndMapsEveryConfiguredField() {
        ProviderPage page = search(provider(false), text("entanglement"));

        assertThat(page.total()).isEqualTo(1);
        SearchHit hit = page.hits().getFirst();
        assertThat(hit.id()).isEqualTo("a1");
        assertThat(hit.title()).isEqualTo("Quantum entanglement in photonic lattices");
        assertThat(hit.authors()).containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(hit.url()).as("the first of a multi-valued field").isEqualTo("https://example.org/a1");
        assertThat(hit.journal()).isEqualTo("Physical Review Letters");
        assertThat(hit.doi()).isEqualTo("10.1000/prl.1");
        assertThat(hit.published()).isEqualTo("2021-03-04T00:00:00Z");
        assertThat(hit.snippet()).as("without highlighting, the snippet field as stored").isEqualTo(Papers.ENTANGLEMENT_ABSTRACT);
    }

    @Test
    void leavesFieldsTheDocumentDoesNotHaveNull() {
        SearchHit hit = search(provider(false), text("ratios nested")).hits().getFirst();

        assertThat(hit.id()).isEqualTo("a3");
        assertThat(hit.doi()).isNull();
        assertThat(hit.published()).isNull();
    }

    @Test
    void requiresEveryWordOfTheFreeText() {
        assertThat(ids(text("photonic lattices"))).containsExactlyInAnyOrder("a1", "a2");
        assertThat(ids(text("photonic galaxies"))).isEmpty();
    }

    @Test
    void keepsQuotedPhrasesAsPhrases() {
        assertThat(ids(text("\"photonic lattices\""))).containsExactly("a1");
        assertThat(ids(text("\"lattices photonic\""))).isEmpty();
        assertThat(ids(text("quantum \"photonic lattices\""))).containsExactly("a1");
    }

    @Test
    void filtersByAuthorTitleAndJournalOnTheirOwnFields() {
        assertThat(ids(new ProviderQuery(null, "Hopper", null, null, 1, 10, null))).containsExactly("a1");
        assertThat(ids(new ProviderQuery(null, null, "photonic", null, 1, 10, null))).containsExactlyInAnyOrder("a1", "a2");
        assertThat(ids(new ProviderQuery(null, null, "waveguide", null, 1, 10, null)))
                .as("a word only in the abstract is not in the title").isEmpty();
        assertThat(ids(new ProviderQuery(null, null, null, "Nature Photonics", 1, 10, null))).containsExactly("a2");
        assertThat(ids(new ProviderQuery("photonic", "Turing", null, null, 1, 10, null))).containsExactly("a2");
        assertThat(ids(new ProviderQuery(null, "\"Grace Hopper\"", "\"photonic lattices\"", "physical review", 1, 10, null)))
                .containsExactly("a1");
        assertThat(ids(new ProviderQuery(null, "\"Hopper Grace\"", null, null, 1, 10, null))).isEmpty();
    }

    @Test
    void countsEveryMatchAndPagesWithStartAndRows() {
        var provider = provider(false);
        var seen = new ArrayList<String>();
        for (int page = 1; page <= 3; page++) {
            ProviderPage answer = search(provider, new ProviderQuery("graph colouring", null, null, null, page, 5, null));
            assertThat(answer.total()).isEqualTo(12);
            assertThat(answer.hits()).hasSize(page < 3 ? 5 : 2);
            answer.hits().forEach(hit -> seen.add(hit.id()));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(12).allMatch(id -> id.startsWith("g"));
        assertThat(search(provider, new ProviderQuery("graph", null, null, null, 4, 5, null)).hits()).isEmpty();
    }

    @Test
    void answersAnEmptyPageWhenNothingMatches() {
        ProviderPage page = search(provider(true), text("zeppelin"));

        assertThat(page.total()).isZero();
        assertThat(page.hits()).isEmpty();
    }

    @Test
    void takesTheSnippetFromHighlightingAsPlainText() {
        SearchHit hit = search(provider(true), text("decays")).hits().getFirst();

        assertThat(hit.id()).isEqualTo("a1");
        assertThat(hit.snippet()).contains("decays").doesNotContain("<em>", "</em>");
        assertThat(Papers.ENTANGLEMENT_ABSTRACT).contains(hit.snippet());
    }

    @Test
    void highlightsASummaryWhenOnlyFiltersWereGiven() {
        SearchHit hit = search(provider(true), new ProviderQuery(null, "Turing", null, null, 1, 10, null)).hits().getFirst();

        assertThat(hit.id()).isEqualTo("a2");
        assertThat(hit.snippet()).startsWith("Photonic crystals");
    }

    @Test
    void treatsSyntaxCharactersAsLiteralText() {
        assertThat(ids(text("1/2"))).containsExactly("a3");
        assertThat(ids(text("(nested)"))).containsExactly("a3");
        assertThat(ids(text("C++ code"))).containsExactly("a3");
        assertThat(ids(text("back\\slash"))).containsExactly("a3");
        assertThat(ids(text("-minus"))).as("a leading minus does not exclude").containsExactly("a3");
        assertThat(ids(text("plain NOT words"))).as("NOT is a word, not an operator").containsExactly("a3");
        assertThat(ids(text("star*"))).as("no wildcard: starlight is not found").containsExactly("a3");
        assertThat(ids(text("*:*"))).as("not match-all").isEmpty();
        assertThat(ids(text("{!lucene}*:*"))).as("no local parameters").isEmpty();
        assertThat(ids(text("title:ratios"))).as("no field query").isEmpty();
        assertThat(ids(text("_query_:\"{!lucene}id:a1\""))).as("no nested query").isEmpty();
        assertThat(ids(new ProviderQuery(null, "Hopper)", null, null, 1, 10, null))).containsExactly("a1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\\", "/", "(", ")", ":", "*", "?", "~", "^", "!", "AND", "OR", "NOT", "-", "+",
            "&&", "||", "[", "]", "{", "}", "\"\"", "\"unbalanced quote", "ends with a backslash\\", "quantum AND",
            "AND quantum", "NOT", "(quantum", "quantum)", "[a TO z]", "{!xmlparser v='x'}", "/regex.*/", "quantum~2",
            "photonic^100", "id:a1 OR *:*", "a\\\"b", "\\\"", "\"\\\"", "%", "%%", "&q=*:*", "#", ";", "$fs.author", "q.op=OR"})
    void neverTurnsTypedTextIntoAnUpstreamError(String typed) {
        var provider = provider(true);
        for (ProviderQuery query : List.of(text(typed), new ProviderQuery(null, typed, typed, typed, 1, 10, null))) {
            UpstreamResponse response = UpstreamSender.send(provider.request(query));
            assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
            ProviderPage page = provider.parse(query, response);
            assertThat(page.total()).as("finds the literal text or nothing, never everything").isLessThan(Papers.all().size());
            if (typed.chars().noneMatch(Character::isLetterOrDigit)) {
                assertThat(page.total()).as("only syntax characters: nothing to find").isZero();
            }
        }
    }

    @Test
    void sendsBasicCredentialsWhenConfigured() {
        try (var front = LocalUpstream.forwardingTo(URI.create(solr.baseUrl()).resolve("/").toString().replaceAll("/$", ""))) {
            var provider = (HttpSearchProvider) new SolrProviderKind().create("papers",
                    Papers.settings(front.root() + "/solr/docs", false, "reader", "s3cret:é"));

            ProviderPage page = search(provider, text("entanglement"));

            String expected = Base64.getEncoder().encodeToString("reader:s3cret:é".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(front.lastRequest().authorization()).isEqualTo("Basic " + expected);
            assertThat(front.lastRequest().uri().getPath()).isEqualTo("/solr/docs/select");
            assertThat(page.hits()).extracting(SearchHit::id).containsExactly("a1");
        }
    }

    @Test
    void sendsNoCredentialsWhenNoneAreConfigured() {
        try (var front = LocalUpstream.forwardingTo(URI.create(solr.baseUrl()).resolve("/").toString().replaceAll("/$", ""))) {
            var provider = (HttpSearchProvider) new SolrProviderKind().create("papers",
                    Papers.settings(front.root() + "/solr/docs", false, null, null));

            search(provider, text("entanglement"));

            assertThat(front.lastRequest().uri()).isNotNull();
            assertThat(front.lastRequest().authorization()).isNull();
        }
    }

    @Test
    void reportsSolrsOwnMessageWhenItRejectsTheRequest() {
        var settings = new SolrSettings(solr.coreUrl(), List.of("no_such_field"), Map.of("title", "title"), false, null, null);
        var provider = (HttpSearchProvider) new SolrProviderKind().create("papers", settings);
        UpstreamResponse response = UpstreamSender.send(provider.request(text("quantum")));

        assertThat(response.status()).isEqualTo(400);
        assertThatThrownBy(() -> provider.parse(text("quantum"), response))
                .isInstanceOf(UpstreamFailureException.class)
                .hasMessage("Solr: Query Field 'no_such_field' is not a valid field name");
    }

    @Test
    void reportsAMissingCoreByItsUrl() {
        var provider = (HttpSearchProvider) new SolrProviderKind().create("papers",
                Papers.settings(solr.baseUrl() + "/no-such-core", false, null, null));
        UpstreamResponse response = UpstreamSender.send(provider.request(text("quantum")));

        assertThat(response.status()).isEqualTo(404);
        assertThatThrownBy(() -> provider.parse(text("quantum"), response))
                .isInstanceOf(UpstreamFailureException.class)
                .hasMessage("Solr has no core or collection at " + solr.baseUrl() + "/no-such-core (HTTP 404)");
    }

    @Test
    void reportsAServerErrorWithSolrsMessage() {
        String body = """
                {"responseHeader":{"status":500,"QTime":3},"error":{"msg":"Index locked for write","code":500}}""";
        try (var upstream = LocalUpstream.answering(500, "application/json", body)) {
            var provider = (HttpSearchProvider) new SolrProviderKind().create("papers", Papers.settings(upstream.root() + "/solr/docs", false, null, null));
            UpstreamResponse response = UpstreamSender.send(provider.request(text("quantum")));

            assertThat(response.status()).isEqualTo(500);
            assertThatThrownBy(() -> provider.parse(text("quantum"), response))
                    .isInstanceOf(UpstreamFailureException.class).hasMessage("Solr: Index locked for write");
        }
    }

    @Test
    void reportsAnErrorPageWithoutAMessageByItsStatus() {
        try (var upstream = LocalUpstream.answering(502, "text/html", "<html><body>Bad Gateway</body></html>")) {
            var provider = (HttpSearchProvider) new SolrProviderKind().create("papers", Papers.settings(upstream.root() + "/solr/docs", false, null, null));
            UpstreamResponse response = UpstreamSender.send(provider.request(text("quantum")));

            assertThatThrownBy(() -> provider.parse(text("quantum"), response))
                    .isInstanceOf(UpstreamFailureException.class).hasMessage("Solr answered HTTP 502");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>maintenance</html>", "", "{\"responseHeader\":{}}", "{\"response\":{\"numFound\":\"many\",\"docs\":[]}}",
            "{\"response\":{\"numFound\":3,\"docs\":{}}}", "{\"response\":{\"numFound\":1,\"docs\":["})
    void failsOnAMalformedAnswer(String body) {
        try (var upstream = LocalUpstream.answering(200, "application/json", body)) {
            var provider = (HttpSearchProvider) new SolrProviderKind().create("papers", Papers.settings(upstream.root() + "/solr/docs", false, null, null));
            UpstreamResponse response = UpstreamSender.send(provider.request(text("quantum")));

            assertThatThrownBy(() -> provider.parse(text("quantum"), response))
                    .isInstanceOf(RuntimeException.class).isNotInstanceOf(UpstreamFailureException.class);
        }
    }
}
