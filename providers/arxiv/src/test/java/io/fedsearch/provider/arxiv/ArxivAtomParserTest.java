package io.fedsearch.provider.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on saved real arXiv answers; figures as listed in src/test/resources/arxiv/SOURCES.md. */
class ArxivAtomParserTest {

    private static ArxivFeed fixture(String name) {
        return ArxivAtomParser.parse(ArxivFixtures.bytes(name));
    }

    @Test
    void readsTheCurrentFormatSearchWithItsFiguresAndFields() {
        ArxivFeed feed = fixture(ArxivFixtures.CURRENT);

        assertThat(feed.title()).startsWith("arXiv Query: search_query=all:testing&id_list=&start=0&max_r");
        assertThat(feed.totalResults()).isEqualTo(214_881L);
        assertThat(feed.startIndex()).isZero();
        assertThat(feed.itemsPerPage()).isEqualTo(10);
        assertThat(feed.entries()).hasSize(10);
        assertThat(feed.error()).isEmpty();

        ArxivFeed.Entry first = feed.entries().getFirst();
        assertThat(first.title()).isEqualTo("Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques");
        assertThat(first.id()).isEqualTo("http://arxiv.org/abs/2202.12139v1");
        assertThat(first.shortId()).isEqualTo("2202.12139v1");
        assertThat(first.authors()).extracting(ArxivFeed.Author::name)
                .containsExactly("Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker");
        assertThat(first.authors()).allSatisfy(a -> assertThat(a.affiliations()).isEmpty());
        assertThat(first.published()).isEqualTo("2022-02-24T15:05:19Z");
        assertThat(first.updated()).isEqualTo("2022-02-24T15:05:19Z");
        assertThat(first.doi()).isEqualTo("10.1109/ICSTW55395.2022.00035");
        assertThat(first.journalRef()).isEqualTo("Artificial Intelligence in Software Testing @ 2022 IEEE International "
                + "Conference on Software Testing, Verification and Validation Workshops (ICSTW)");
        assertThat(first.primaryCategory()).isEqualTo("cs.SE");
        assertThat(first.categories()).containsExactly("cs.SE", "cs.LG");
        assertThat(first.abstractUrl()).isEqualTo("https://arxiv.org/abs/2202.12139v1");
        assertThat(first.pdfUrl()).isEqualTo("https://arxiv.org/pdf/2202.12139v1");
        assertThat(first.comment()).isEqualTo("Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022");
        assertThat(first.summary()).startsWith("Deep Learning (DL) has revolutionized").endsWith("discuss its results.");
    }

    @Test
    void decodesEntitiesAndLeavesMissingValuesNull() {
        List<ArxivFeed.Entry> entries = fixture(ArxivFixtures.CURRENT).entries();

        assertThat(entries.get(4).title()).isEqualTo("ChatGPT and Software Testing Education: Promises & Perils");
        ArxivFeed.Entry survey = entries.get(6);
        assertThat(survey.title()).isEqualTo("A Survey on Web Testing: On the Rise of AI and Applications in Industry");
        assertThat(survey.doi()).isNull();
        assertThat(survey.journalRef()).isNull();
        assertThat(survey.published()).isEqualTo("2025-03-07T12:39:59Z");
        assertThat(survey.updated()).isEqualTo("2025-08-12T14:08:11Z");
        assertThat(survey.authors()).extracting(ArxivFeed.Author::name)
                .containsExactly("Iva Kertusha", "Gebremariem Assress", "Onur Duman", "Andrea Arcuri");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.abstractUrl()).startsWith("https://arxiv.org/abs/");
            assertThat(e.pdfUrl()).startsWith("https://arxiv.org/pdf/");
            assertThat(e.primaryCategory()).isNotNull();
        });
    }

    @Test
    void readsTheLegacyFormatWithInlineNamespacesAndWrappedTitles() {
        ArxivFeed feed = fixture(ArxivFixtures.LEGACY);

        assertThat(feed.title()).startsWith("ArXiv Query: search_query=all:electron AND all:proton&id_lis");
        assertThat(feed.totalResults()).isEqualTo(7_370L);
        assertThat(feed.startIndex()).isZero();
        assertThat(feed.itemsPerPage()).isEqualTo(10);
        assertThat(feed.entries()).hasSize(10);
        assertThat(feed.entries().getFirst().title()).isEqualTo("Improved scenario of baryogenesis");
        assertThat(feed.entries().getFirst().summary())
                .startsWith("It is assumed that, in the primordial plasma, at the temperatures above the mass of electron,")
                .doesNotContain("\n").doesNotContain("  ");
        assertThat(feed.entries().getFirst().shortId()).isEqualTo("astro-ph/9904306v1");

        ArxivFeed.Entry wrapped = feed.entries().get(1);
        assertThat(wrapped.title()).isEqualTo(
                "Proton-ring and Electron-linac Collider (PRELC) as a (first) TeV-rangeelectron-proton or photon-proton collider");
        assertThat(wrapped.authors()).containsExactly(
                new ArxivFeed.Author("Raimo Vuopionperä", List.of("SEFT, Univ. Helsinki")));
        assertThat(wrapped.primaryCategory()).isEqualTo("hep-ph");
        assertThat(wrapped.comment()).isEqualTo("4 pages, revtex");
    }

    @Test
    void tellsTheAbstractPageFromThePdfAndTheDoiLinkByTheirAttributes() {
        ArxivFeed.Entry entry = fixture(ArxivFixtures.LEGACY).entries().get(2);

        assertThat(entry.title()).isEqualTo(
                "Development of a Practical Multicomponent Density Functional for Electron-Proton Correlation to Produce Accurate Proton Densities");
        assertThat(entry.authors()).extracting(ArxivFeed.Author::name).containsExactly(
                "Yang Yang", "Kurt R. Brorsen", "Tanner Culpitt", "Michael V. Pak", "Sharon Hammes-Schiffer");
        assertThat(entry.doi()).isEqualTo("10.1063/1.4996038");
        assertThat(entry.journalRef()).isEqualTo("The Journal of Chemical Physics 147, 114113 (2017)");
        assertThat(entry.published()).isEqualTo("2017-06-06T16:12:51Z");
        assertThat(entry.updated()).isEqualTo("2017-09-24T14:21:38Z");
        assertThat(entry.primaryCategory()).isEqualTo("physics.chem-ph");
        assertThat(entry.abstractUrl()).isEqualTo("http://arxiv.org/abs/1706.01836v2");
        assertThat(entry.pdfUrl()).isEqualTo("http://arxiv.org/pdf/1706.01836v2");
    }

    @Test
    void findsLinksWhateverTheirOrder() {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry>
                  <id>http://arxiv.org/abs/1234.5678v1</id><title>T</title>
                  <link title="pdf" href="https://arxiv.org/pdf/1234.5678v1" rel="related" type="application/pdf"/>
                  <link title="doi" href="https://doi.org/10.1/x" rel="related"/>
                  <link href="https://arxiv.org/abs/1234.5678v1" rel="alternate" type="text/html"/>
                </entry></feed>""";

        ArxivFeed.Entry entry = ArxivAtomParser.parse(feed.getBytes(StandardCharsets.UTF_8)).entries().getFirst();

        assertThat(entry.abstractUrl()).isEqualTo("https://arxiv.org/abs/1234.5678v1");
        assertThat(entry.pdfUrl()).isEqualTo("https://arxiv.org/pdf/1234.5678v1");
    }

    @Test
    void readsTheEmptyAnswer() {
        ArxivFeed feed = fixture(ArxivFixtures.EMPTY);

        assertThat(feed.title()).startsWith("arXiv Query: search_query=&id_list=0000.0000&start=0&max_res");
        assertThat(feed.totalResults()).isZero();
        assertThat(feed.itemsPerPage()).isEqualTo(100);
        assertThat(feed.entries()).isEmpty();
        assertThat(feed.error()).isEmpty();
    }

    @Test
    void recognisesTheErrorFeedAndItsMessage() {
        ArxivFeed feed = fixture(ArxivFixtures.ERROR);

        assertThat(feed.title()).isEqualTo("arXiv Search Results");
        assertThat(feed.totalResults()).isEqualTo(1L);
        assertThat(feed.entries()).hasSize(1);
        assertThat(feed.entries().getFirst().title()).isEqualTo("Error");
        assertThat(feed.error()).contains("incorrect id format for abc");
    }

    @Test
    void skipsEntriesWithoutAnId() {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>no id</title></entry>
                <entry><id>  </id><title>blank id</title></entry>
                <entry><id>http://arxiv.org/abs/1234.5678v1</id><title>kept</title></entry></feed>""";

        assertThat(ArxivAtomParser.parse(feed.getBytes(StandardCharsets.UTF_8)).entries())
                .extracting(ArxivFeed.Entry::title).containsExactly("kept");
    }

    @Test
    void refusesADoctypeSoNoExternalEntityIsEverRead() {
        String feed = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><title>&xxe;</title></entry></feed>""";

        assertThatThrownBy(() -> ArxivAtomParser.parse(feed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an arXiv Atom feed");
    }

    @Test
    void refusesWhatIsNotAnAtomFeed() {
        assertThatThrownBy(() -> ArxivAtomParser.parse("<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Atom feed");
        assertThatThrownBy(() -> ArxivAtomParser.parse("Rate exceeded.".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ArxivAtomParser.errorMessage("Rate exceeded.".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
