package io.fedsearch.provider.opensearch;

import static io.fedsearch.provider.opensearch.UpstreamSender.search;
import static io.fedsearch.provider.opensearch.UpstreamSender.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The opensearch kind against a real OpenSearch node holding the papers fixtures (src/test/resources/opensearch). */
@ExtendWith(OpenSearchNodeExtension.class)
class OpenSearchProviderSearchTest {

    static final Map<String, String> FIELDS = Map.of("id", "paper_id", "title", "title", "url", "meta.link",
            "snippet", "abstract", "authors", "authors.name", "published", "meta.published", "journal", "meta.journal",
            "doi", "meta.doi");

    private final OpenSearchNode node;

    OpenSearchProviderSearchTest(OpenSearchNode node) {
        this.node = node;
    }

    private OpenSearchProvider provider(Map<String, String> fields, boolean highlight) {
        // citations is an integer field: lenient keeps text queries on it from failing the search
        return new OpenSearchProvider("papers", new OpenSearchSettings(node.url().toString(), OpenSearchNode.INDEX,
                List.of("title^2", "abstract", "citations"), fields, highlight, null, null, null));
    }

    private ProviderPage find(String q) {
        return search(provider(FIELDS, false), query(q, null, null, null, 1, 10));
    }

    private static ProviderQuery query(String q, String author, String title, String journal, int page, int size) {
        return new ProviderQuery(q, author, title, journal, page, size, null);
    }

    private static List<String> ids(ProviderPage page) {
        return page.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void findsFreeTextAndReadsEveryConfiguredFieldFromTheSource() {
        ProviderPage page = find("surface codes");

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits()).containsExactly(new SearchHit("paper-p01", "Quantum error correction with surface codes",
                "https://papers.example.org/p01",
                "We show how surface codes make quantum error correction practical on noisy hardware.",
                List.of("Ada Lovelace", "Charles Babbage"), "2021-03-04", "Nature Physics", "10.5555/p01"));
    }

    @Test
    void freeTextSearchesTheSearchFieldsWhileTheAuthorFilterSearchesOnlyTheAuthors() {
        assertThat(ids(find("lovelace"))).containsExactly("paper-p03");
        assertThat(ids(search(provider(FIELDS, false), query(null, "lovelace", null, null, 1, 10)))).containsExactly("paper-p01");
    }

    @Test
    void titleAndJournalFiltersSearchOnlyTheirOwnPaths() {
        var provider = provider(FIELDS, false);

        assertThat(ids(search(provider, query(null, null, null, "physics", 1, 10))))
                .containsExactlyInAnyOrder("paper-p01", "paper-p05");
        assertThat(find("physics").hits()).isEmpty();
        assertThat(search(provider, query(null, null, "lovelace", null, 1, 10)).hits()).isEmpty();
    }

    @Test
    void freeTextAndFiltersMustAllMatch() {
        ProviderPage page = search(provider(FIELDS, false), query("series", "hilbert", null, null, 1, 20));

        assertThat(page.total()).isEqualTo(11);
        assertThat(ids(page)).doesNotContain("paper-s01");
    }

    @Test
    void aQuotedPhraseMatchesOnlyWordsNextToEachOther() {
        assertThat(ids(find("error correction"))).containsExactlyInAnyOrder("paper-p01", "paper-p02");
        assertThat(ids(find("\"error correction\""))).containsExactly("paper-p01");
    }

    @Test
    void readsDottedKeysAndSingleObjectsLikeNestedObjectsAndArrays() {
        SearchHit dotted = find("lecture 2").hits().getFirst();
        SearchHit single = find("lecture 1").hits().getFirst();

        assertThat(dotted.id()).isEqualTo("paper-s02");
        assertThat(dotted.journal()).isEqualTo("Lecture Notes in Mathematics");
        assertThat(dotted.url()).isEqualTo("https://papers.example.org/s02");
        assertThat(dotted.authors()).containsExactly("Emmy Noether", "David Hilbert");
        assertThat(single.id()).isEqualTo("paper-s01");
        assertThat(single.authors()).containsExactly("Emmy Noether");
    }

    @Test
    void withoutAnIdFieldTheHitIdIsTheDocumentId() {
        var fields = new HashMap<>(FIELDS);
        fields.remove("id");

        assertThat(ids(search(provider(fields, false), query("surface codes", null, null, null, 1, 10)))).containsExactly("p01");
    }

    @Test
    void theNextPageGivesTheNextDocumentsAndEveryPageTheSameTotal() {
        var provider = provider(FIELDS, false);
        ProviderPage first = search(provider, query("series", null, null, null, 1, 5));
        ProviderPage second = search(provider, query("series", null, null, null, 2, 5));
        ProviderPage third = search(provider, query("series", null, null, null, 3, 5));
        ProviderPage firstTen = search(provider, query("series", null, null, null, 1, 10));

        assertThat(List.of(first.total(), second.total(), third.total())).containsOnly(12L);
        assertThat(ids(second)).isEqualTo(ids(firstTen).subList(5, 10));
        assertThat(ids(third)).hasSize(2).doesNotContainAnyElementsOf(ids(firstTen));
    }

    @Test
    void theTotalCountsEveryMatchNotOnlyThePage() {
        ProviderPage page = search(provider(FIELDS, false), query("series", null, null, null, 1, 1));

        assertThat(page.total()).isEqualTo(12);
        assertThat(page.hits()).hasSize(1);
    }

    @Test
    void withHighlightTheSnippetIsTheMatchingPassageAsPlainText() {
        String abstractText = find("tokamak").hits().getFirst().snippet();
        SearchHit hit = search(provider(FIELDS, true), query("tokamak", null, null, null, 1, 10)).hits().getFirst();

        assertThat(hit.snippet()).contains("The tokamak keeps a plasma").doesNotContain("<").isNotEqualTo(abstractText);
        assertThat(hit.snippet().length()).isLessThanOrEqualTo(SearchBody.FRAGMENT_SIZE + 50);
        assertThat(abstractText).startsWith("Magnetic confinement").contains("tokamak");
    }

    @Test
    void withHighlightAMatchOnlyInTheTitleKeepsTheSnippetField() {
        SearchHit hit = search(provider(FIELDS, true), query("confining", null, null, null, 1, 10)).hits().getFirst();

        assertThat(hit.snippet()).startsWith("Magnetic confinement has many forms.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\\", "/", "(", ":", "*", " * ", "**", "AND", "OR", "NOT", "\"unclosed phrase", "a\"b",
            "(quantum", "title:quantum", "quantum*", "abstract:(error OR correction)", "+error -quantum", "error | clocks",
            "~2", "quantum~", "{}", "[1 TO 5]", "\\\"", "a && b || !c", "<script>", "^", "#", "%", "^2", "@", "?"})
    void specialCharactersAreHarmlessAndFindTheirLiteralTextOrNothing(String text) {
        var provider = provider(FIELDS, true);
        var query = query(text, null, null, null, 1, 20);
        UpstreamResponse response = send(provider.request(query));

        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        List<String> words = words(text);
        for (SearchHit hit : provider.parse(query, response).hits()) {
            String found = (hit.title() + " " + hit.snippet()).toLowerCase(Locale.ROOT);
            assertThat(words).allSatisfy(word -> assertThat(found).contains(word));
        }
        if (words.isEmpty()) {
            assertThat(provider.parse(query, response).hits()).isEmpty();
        }
    }

    @Test
    void textFullOfSpecialCharactersFindsTheDocumentThatContainsIt() {
        assertThat(ids(find("C:\\paths (study)"))).containsExactly("paper-p04");
        assertThat(ids(find("Input/Output:"))).containsExactly("paper-p04");
        assertThat(ids(find("AND-gates*"))).containsExactly("paper-p04");
        assertThat(ids(find("\"quoted\" (study"))).containsExactly("paper-p04");
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
