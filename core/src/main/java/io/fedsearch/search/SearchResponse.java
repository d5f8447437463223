package io.fedsearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to a federated search: always 200 once the request is valid, each provider's fate inside.
 *
 * @param complete true only when at least one provider was asked and every asked provider answered fresh
 * @param results  all providers' results merged by weighted reciprocal rank fusion, duplicates folded
 */
public record SearchResponse(long queryId, long tookMs, boolean complete, List<ProviderEntry> providers,
                             List<Result> results) {

    /**
     * One provider's part.
     *
     * @param total the provider's own total, null when unknown or not ok
     * @param error one line, only when status is not ok
     * @param stale true when a cached answer stands in for a failed call
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProviderEntry(String provider, ProviderStatus status, long tookMs, Long total, String error,
                                Boolean stale, List<Result> results) {
    }

    /**
     * One result. Unknown values are null, never made up.
     *
     * @param provider  the provider that ranked it best
     * @param providers every provider that found it (more than one when duplicates were folded)
     * @param score     its fused score (per-provider lists: the provider's own rank fusion share)
     * @param explain   how the score was made, only when asked for ({@code explain=true}), else left out of the JSON
     */
    public record Result(String provider, List<String> providers, String id, String title, String url, String snippet,
                         List<String> authors, String published, String journal, String doi, double score,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Explain explain) {
    }

    /**
     * A merged result's score taken apart: one contribution per hit folded into it, in the order they were added,
     * so that they add up (as doubles, in this order) to its {@code score}.
     *
     * @param k the rank fusion constant in {@code weight / (k + rank)}
     */
    public record Explain(int k, List<Contribution> contributions) {
    }

    /**
     * One provider's hit in a merged result.
     *
     * @param rank         1-based rank in that provider's list
     * @param weight       the provider's configured weight
     * @param contribution {@code weight / (k + rank)}
     */
    public record Contribution(String provider, int rank, double weight, double contribution) {
    }
}
