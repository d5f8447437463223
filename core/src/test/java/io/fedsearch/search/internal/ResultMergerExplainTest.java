package io.fedsearch.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedsearch.provider.SearchHit;
import io.fedsearch.search.SearchResponse.Contribution;
import io.fedsearch.search.SearchResponse.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMergerExplainTest {

    private static SearchHit hit(String id, String url) {
        return new SearchHit(id, "title " + id, url, null, List.of(), null, null, null);
    }

    private static final List<ResultMerger.Ranked> LISTS = List.of(
            new ResultMerger.Ranked("a", 1.0, List.of(hit("a1", "https://a/1"), hit("a2", "https://shared/x"))),
            new ResultMerger.Ranked("b", 2.5, List.of(hit("b1", "https://shared/x/"), hit("b2", "https://b/2"),
                    hit("b3", "https://b/3"))));

    @Test
    void eachResultsContributionsAddUpToItsScore() {
        for (Result result : ResultMerger.merge(LISTS, true)) {
            double sum = result.explain().contributions().stream().mapToDouble(Contribution::contribution).sum();
            assertThat(sum).isCloseTo(result.score(), within(1e-12));
            for (Contribution c : result.explain().contributions()) {
                assertThat(c.contribution()).isEqualTo(c.weight() / (result.explain().k() + c.rank()));
            }
        }
    }

    @Test
    void aDuplicateFoldedFromTwoProvidersNamesEachProvidersRankAndWeight() {
        Result shared = ResultMerger.merge(LISTS, true).stream().filter(r -> r.providers().size() == 2).findFirst()
                .orElseThrow();

        assertThat(shared.explain().k()).isEqualTo(60);
        assertThat(shared.explain().contributions()).containsExactly(
                new Contribution("a", 2, 1.0, 1.0 / 62), new Contribution("b", 1, 2.5, 2.5 / 61));
        assertThat(shared.score()).isCloseTo(1.0 / 62 + 2.5 / 61, within(1e-12));
    }

    @Test
    void withoutExplainNoResultCarriesOne() {
        assertThat(ResultMerger.merge(LISTS)).allSatisfy(r -> assertThat(r.explain()).isNull());
        assertThat(ResultMerger.merge(LISTS, false)).extracting(Result::score)
                .containsExactlyElementsOf(ResultMerger.merge(LISTS, true).stream().map(Result::score).toList());
    }
}
