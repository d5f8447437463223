package io.fedsearch.provider.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.InvalidConfigurationException;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArxivProviderTest {

    private static final ProviderQuery QUERY = new ProviderQuery("testing", null, null, null, 1, 10, null);
    private final ArxivProviderKind kind = new ArxivProviderKind();

    private static ArxivSettings settings(String baseUrl) {
        return new ArxivSettings(baseUrl);
    }

    private static UpstreamResponse answer(int status, byte[] body) {
        return new UpstreamResponse(status, "application/atom+xml", null, body);
    }

    @Test
    void isPoliteByDefaultAndUnderstandsEveryField() {
        var provider = (ArxivProvider) kind.create("arxiv", settings(null));

        assertThat(kind.type()).isEqualTo("arxiv");
        assertThat(kind.defaultMaxConcurrency()).isEqualTo(1);
        assertThat(kind.defaultMinInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(provider.capabilities()).isEqualTo(Capabilities.ALL_FIELDS);
        assertThat(provider.request(QUERY).uri().toString())
                .isEqualTo("https://export.arxiv.org/api/query?search_query=all%3Atesting&start=0&max_results=10");
    }

    @Test
    void refusesABaseUrlThatIsNotHttpNamingTheKey() {
        assertThatThrownBy(() -> settings("ftp://example.org/api"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("base-url: 'ftp://example.org/api'");
        assertThatThrownBy(() -> settings("not a url"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("base-url");
    }

    @Test
    void mapsEntriesToHitsWithTheFeedTotal() {
        var provider = (ArxivProvider) kind.create("arxiv", settings(null));

        ProviderPage page = provider.parse(QUERY, answer(200, ArxivFixtures.bytes(ArxivFixtures.CURRENT)));

        assertThat(page.total()).isEqualTo(214_881L);
        assertThat(page.hits()).hasSize(10);
        SearchHit first = page.hits().getFirst();
        assertThat(first.id()).isEqualTo("2202.12139v1");
        assertThat(first.title()).isEqualTo("Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques");
        assertThat(first.url()).isEqualTo("https://arxiv.org/abs/2202.12139v1");
        assertThat(first.authors()).containsExactly("Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker");
        assertThat(first.published()).isEqualTo("2022-02-24T15:05:19Z");
        assertThat(first.journal()).startsWith("Artificial Intelligence in Software Testing @ 2022 IEEE");
        assertThat(first.doi()).isEqualTo("10.1109/ICSTW55395.2022.00035");
        assertThat(first.snippet()).startsWith("Deep Learning (DL) has revolutionized").endsWith("…");
        assertThat(first.snippet().length()).isLessThanOrEqualTo(ArxivProvider.SNIPPET_CHARS + 1);
    }

    @Test
    void cutsLongAbstractsAtAWordAndKeepsShortOnesWhole() {
        assertThat(ArxivProvider.snippet("short abstract")).isEqualTo("short abstract");
        String longText = "word ".repeat(100).strip();
        String snippet = ArxivProvider.snippet(longText);
        assertThat(snippet).endsWith("word…").hasSizeLessThanOrEqualTo(301);
        assertThat(ArxivProvider.snippet(null)).isNull();
    }

    @Test
    void turnsTheErrorFeedServedWith400IntoArxivsOwnMessage() {
        var provider = (ArxivProvider) kind.create("arxiv", settings(null));

        assertThatThrownBy(() -> provider.parse(QUERY, answer(400, ArxivFixtures.bytes(ArxivFixtures.ERROR))))
                .isInstanceOf(UpstreamFailureException.class)
                .hasMessage("arXiv answered HTTP 400: incorrect id format for abc");
    }

    @Test
    void turnsAnErrorFeedServedWith200IntoAnErrorToo() {
        var provider = (ArxivProvider) kind.create("arxiv", settings(null));

        assertThatThrownBy(() -> provider.parse(QUERY, answer(200, ArxivFixtures.bytes(ArxivFixtures.ERROR))))
                .isInstanceOf(UpstreamFailureException.class)
                .hasMessage("arXiv reported an error: incorrect id format for abc");
    }

    @Test
    void reportsA4xxWithoutAFeedByItsStatus() {
        var provider = (ArxivProvider) kind.create("arxiv", settings(null));

        assertThatThrownBy(() -> provider.parse(QUERY, answer(404, "Not Found".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UpstreamFailureException.class).hasMessage("arXiv answered HTTP 404");
    }

    @Test
    void answersAnEmptyPageForAnEmptyFeed() {
        var provider = (ArxivProvider) kind.create("arxiv", settings(null));

        ProviderPage page = provider.parse(QUERY, answer(200, ArxivFixtures.bytes(ArxivFixtures.EMPTY)));

        assertThat(page.total()).isZero();
        assertThat(page.hits()).isEmpty();
    }
}
