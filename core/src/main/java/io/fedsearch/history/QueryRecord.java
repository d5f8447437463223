package io.fedsearch.history;

import java.time.Instant;
import java.util.List;

/**
 * One query as it is kept: who asked what, how each provider answered, and every result returned.
 *
 * @param principal who asked ("anonymous" without a key)
 * @param origin    where it came in: "api" (/api/v1/search) or "arxiv" (the seed-compatible /arxiv)
 * @param tookMs    how long the whole answer took, in milliseconds
 */
public record QueryRecord(long queryId, Instant timestamp, String principal, String origin, String q, String author,
                          String title, String journal, List<ProviderSummary> providers, long tookMs,
                          List<ResultRow> results) {

    public QueryRecord {
        providers = List.copyOf(providers);
        results = List.copyOf(results);
    }

    /**
     * How one provider answered.
     *
     * @param status      ok, timeout, error, circuit_open, rejected, not_entitled or disabled
     * @param total       the provider's own total, null when unknown or not ok
     * @param returned    how many results it returned
     * @param upstreamUri the request sent upstream, null when nothing was sent (or for indexed providers)
     * @param httpStatus  the upstream's HTTP status, null when no answer came
     */
    public record ProviderSummary(String provider, String type, String status, long tookMs, Long total, int returned,
                                  String error, String upstreamUri, Integer httpStatus) {
    }

    /**
     * One returned result, in the provider's own rank order (1-based).
     *
     * @param authors the authors joined in order; empty when unknown
     */
    public record ResultRow(String provider, int rank, String resultId, String title, String url, List<String> authors,
                            String journal, String published, String doi) {

        public ResultRow {
            authors = authors == null ? List.of() : List.copyOf(authors);
        }
    }
}
