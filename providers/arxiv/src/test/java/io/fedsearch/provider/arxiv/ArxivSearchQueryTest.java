package io.fedsearch.provider.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamFailureException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ArxivSearchQueryTest {

    private static final String BASE = "https://export.arxiv.org/api/query";

    private static ProviderQuery query(String q, String author, String title, String journal, int page, int size) {
        return new ProviderQuery(q, author, title, journal, page, size, null);
    }

    @Test
    void mapsEachFieldToItsPrefixJoinedWithAnd() {
        assertThat(ArxivSearchQuery.searchQuery(query("testing", "smith", "quantum", "nature", 1, 10)))
                .isEqualTo("all:testing AND au:smith AND ti:quantum AND jr:nature");
        assertThat(ArxivSearchQuery.searchQuery(query(null, null, "checkerboard", null, 1, 10)))
                .isEqualTo("ti:checkerboard");
    }

    @Test
    void quotesMultiWordValuesAsPhrases() {
        assertThat(ArxivSearchQuery.searchQuery(query(null, "John   Smith", "Deep learning", null, 1, 10)))
                .isEqualTo("au:\"John Smith\" AND ti:\"Deep learning\"");
        assertThat(ArxivSearchQuery.searchQuery(query("electron AND proton", null, null, null, 1, 10)))
                .isEqualTo("all:\"electron AND proton\"");
    }

    @Test
    void keepsHyphenatedAndDottedWordsBareAndDropsQuotesThatWouldEndAPhrase() {
        assertThat(ArxivSearchQuery.searchQuery(query("hep-ph", "Hammes-Schiffer", "v1.2", null, 1, 10)))
                .isEqualTo("all:hep-ph AND au:Hammes-Schiffer AND ti:v1.2");
        assertThat(ArxivSearchQuery.searchQuery(query(null, null, "say \"hi\" (now)", null, 1, 10)))
                .isEqualTo("ti:\"say hi (now)\"");
    }

    @Test
    void encodesTheWholeQueryAndTurnsPageAndSizeIntoStartAndMaxResults() {
        URI uri = ArxivSearchQuery.uri(BASE, query(null, "Raimo Vuopionperä", "a&b=c", null, 3, 20));

        assertThat(uri.toString()).isEqualTo(BASE + "?search_query=au%3A%22Raimo%20Vuopionper%C3%A4%22%20AND%20ti%3A%22a%26b%3Dc%22"
                + "&start=40&max_results=20");
        assertThat(uri.getQuery()).isEqualTo("search_query=au:\"Raimo Vuopionperä\" AND ti:\"a&b=c\"&start=40&max_results=20");
    }

    @Test
    void appendsToABaseUrlThatAlreadyHasParameters() {
        assertThat(ArxivSearchQuery.uri("http://127.0.0.1:1/q?key=1", query("x", null, null, null, 1, 5)).toString())
                .isEqualTo("http://127.0.0.1:1/q?key=1&search_query=all%3Ax&start=0&max_results=5");
    }

    @Test
    void refusesPagesBeyondWhatArxivServes() {
        assertThat(ArxivSearchQuery.uri(BASE, query("x", null, null, null, 300, 100)).toString())
                .endsWith("&start=29900&max_results=100");
        assertThatThrownBy(() -> ArxivSearchQuery.uri(BASE, query("x", null, null, null, 301, 100)))
                .isInstanceOf(UpstreamFailureException.class)
                .hasMessage("arXiv serves at most 30,000 results: page*size too large");
        assertThatThrownBy(() -> ArxivSearchQuery.uri(BASE, query("x", null, null, null, 1, 2001)))
                .isInstanceOf(UpstreamFailureException.class).hasMessageContaining("2,000");
        assertThat(ArxivSearchQuery.uri(BASE, query("x", null, null, null, 1, 2000)).toString()).endsWith("&max_results=2000");
    }
}
