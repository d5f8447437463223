package io.fedsearch.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON shapes of the history endpoints (snake_case on the wire). Times are unix seconds. */
final class HistoryViews {

    private HistoryViews() {
    }

    /** A query record; {@code results} only when one query is read by id. */
    record QueryView(long queryId, long timestamp, String principal, String origin, String q, String author,
                     String title, String journal, List<ProviderView> providers, long tookMs,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<ResultView> results) {

        static QueryView of(QueryRecord r, boolean withResults) {
            return new QueryView(r.queryId(), r.timestamp().getEpochSecond(), r.principal(), r.origin(), r.q(),
                    r.author(), r.title(), r.journal(), r.providers().stream().map(ProviderView::of).toList(),
                    r.tookMs(), withResults ? r.results().stream().map(ResultView::of).toList() : null);
        }
    }

    /** How one provider answered; {@code total} null when unknown, {@code error} only when there was one. */
    record ProviderView(String provider, String status, long tookMs, Long total, int returned,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

        static ProviderView of(QueryRecord.ProviderSummary s) {
            return new ProviderView(s.provider(), s.status(), s.tookMs(), s.total(), s.returned(), s.error());
        }
    }

    /** One result of a query, in its provider's rank order (1-based). */
    record ResultView(String provider, int rank, String id, String title, String url, List<String> authors,
                      String journal, String published, String doi) {

        static ResultView of(QueryRecord.ResultRow r) {
            return new ResultView(r.provider(), r.rank(), r.resultId(), r.title(), r.url(), r.authors(), r.journal(),
                    r.published(), r.doi());
        }
    }

    /** One stored result with the query it answered. */
    record StoredResultView(long queryId, long timestamp, String provider, int rank, String id, String title,
                            String url, List<String> authors, String journal, String published, String doi) {

        static StoredResultView of(QueryHistory.StoredResult s) {
            var r = s.row();
            return new StoredResultView(s.queryId(), s.timestamp().getEpochSecond(), r.provider(), r.rank(),
                    r.resultId(), r.title(), r.url(), r.authors(), r.journal(), r.published(), r.doi());
        }
    }

    /** @param nextCursor pass as {@code cursor} for the following (older) page; null on the last page */
    record QueriesPage(List<QueryView> queries, String nextCursor) {
    }

    /**
     * @param total      every stored result matching the filters, counted up to the result window (10,000)
     * @param totalExact false when more match than the window: {@code total} is then "at least"
     */
    record ResultsPage(long total, boolean totalExact, int page, int size, List<StoredResultView> results) {
    }
}
