package io.fedsearch.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.provider.SearchHit;
import io.fedsearch.search.SearchResponse.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMergerTest {

    private static SearchHit hit(String id, String url, String doi) {
        return new SearchHit(id, "title " + id, url, null, List.of(), null, null, doi);
    }

    @Test
    void ranksByWeightedReciprocalRankFusion() {
        var merged = ResultMerger.merge(List.of(
                new ResultMerger.Ranked("a", 1.0, List.of(hit("a1", "https://a/1", null), hit("a2", "https://a/2", null))),
                new ResultMerger.Ranked("b", 3.0, List.of(hit("b1", "https://b/1", null)))));

        assertThat(merged).extracting(Result::id).containsExactly("b1", "a1", "a2");
        assertThat(merged.getFirst().score()).isEqualTo(3.0 / 61);
        assertThat(merged.get(2).score()).isEqualTo(1.0 / 62);
    }

    @Test
    void foldsTheSameUrlWrittenDifferentlyAndKeepsEveryProvider() {
        var merged = ResultMerger.merge(List.of(
                new ResultMerger.Ranked("a", 1.0, List.of(hit("a1", "http://www.Example.org/paper/", null))),
                new ResultMerger.Ranked("b", 1.0, List.of(hit("b1", "https://example.org/paper#abstract", null)))));

        assertThat(merged).hasSize(1);
        assertThat(merged.getFirst().providers()).containsExactly("a", "b");
        assertThat(merged.getFirst().score()).isEqualTo(2.0 / 61);
    }

    @Test
    void foldsTheSameDoiAndFillsUnknownFieldsFromTheOtherHit() {
        var withJournal = new SearchHit("b1", "T", "https://journal/x", null, List.of("Ada"), "2020", "J. Phys.", "https://doi.org/10.1/ABC");
        var merged = ResultMerger.merge(List.of(
                new ResultMerger.Ranked("a", 1.0, List.of(hit("a1", "https://arxiv.org/abs/1", "10.1/abc"))),
                new ResultMerger.Ranked("b", 1.0, List.of(withJournal))));

        assertThat(merged).hasSize(1);
        Result folded = merged.getFirst();
        assertThat(folded.id()).isEqualTo("a1");
        assertThat(folded.journal()).isEqualTo("J. Phys.");
        assertThat(folded.authors()).containsExactly("Ada");
    }

    @Test
    void keepsHitsWithoutUrlOrDoiApart() {
        var merged = ResultMerger.merge(List.of(
                new ResultMerger.Ranked("a", 1.0, List.of(hit("a1", null, null), hit("a2", null, null)))));
        assertThat(merged).hasSize(2);
    }
}
