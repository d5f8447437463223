package io.fedsearch.search;

import io.fedsearch.access.Caller;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.search.ProviderOutcome.Failed;
import io.fedsearch.search.ProviderOutcome.Skipped;
import io.fedsearch.search.ProviderOutcome.Succeeded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Maps a finished search to the record history keeps: per provider its summary, and every returned result. */
@Component
class QueryRecords {

    private final ProviderCatalog catalog;

    QueryRecords(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    QueryRecord record(long id, Instant timestamp, Caller caller, String origin, SearchRequest request,
                       List<ProviderOutcome> outcomes, long tookMs) {
        var summaries = new ArrayList<QueryRecord.ProviderSummary>();
        var rows = new ArrayList<QueryRecord.ResultRow>();
        for (ProviderOutcome outcome : outcomes) {
            String type = catalog.find(outcome.provider()).map(e -> e.info().type()).orElse(null);
            switch (outcome) {
                case Succeeded ok -> {
                    summaries.add(new QueryRecord.ProviderSummary(ok.provider(), type, "ok", ok.tookMs(),
                            ok.page().total(), ok.page().hits().size(), null, uri(ok.trace()), ok.trace().httpStatus()));
                    int rank = 0;
                    for (SearchHit hit : ok.page().hits()) {
                        rows.add(new QueryRecord.ResultRow(ok.provider(), ++rank, hit.id(), hit.title(), hit.url(),
                                hit.authors(), hit.journal(), hit.published(), hit.doi()));
                    }
                }
                case Failed f -> summaries.add(new QueryRecord.ProviderSummary(f.provider(), type, f.status().wire(),
                        f.tookMs(), null, 0, f.error(), uri(f.trace()), f.trace().httpStatus()));
                case Skipped s -> summaries.add(new QueryRecord.ProviderSummary(s.provider(), type, s.status().wire(),
                        0, null, 0, null, null, null));
            }
        }
        return new QueryRecord(id, timestamp, caller.principal(), origin, request.q(), request.author(), request.title(),
                request.journal(), summaries, tookMs, rows);
    }

    private static String uri(ProviderOutcome.Trace trace) {
        return trace.uri() == null ? null : trace.uri().toString();
    }
}
