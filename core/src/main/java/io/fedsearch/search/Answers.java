package io.fedsearch.search;

import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.search.ProviderOutcome.Failed;
import io.fedsearch.search.ProviderOutcome.Skipped;
import io.fedsearch.search.ProviderOutcome.Succeeded;
import io.fedsearch.search.SearchResponse.ProviderEntry;
import io.fedsearch.search.SearchResponse.Result;
import io.fedsearch.search.internal.ResultMerger;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds the answer from the providers' outcomes: one entry per provider in the order asked, and the merged list
 * (weighted reciprocal rank fusion, duplicates folded). {@code complete} only when every asked provider answered
 * fresh.
 */
@Component
class Answers {

    private final ProviderCatalog catalog;

    Answers(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /** With {@code explain} each merged result says how its score was made. */
    SearchResponse answer(long queryId, List<ProviderOutcome> outcomes, long tookMs, boolean explain) {
        var entries = new ArrayList<ProviderEntry>();
        var ranked = new ArrayList<ResultMerger.Ranked>();
        boolean complete = !outcomes.isEmpty();
        for (ProviderOutcome outcome : outcomes) {
            entries.add(entry(outcome));
            if (outcome instanceof Succeeded ok) {
                ranked.add(new ResultMerger.Ranked(ok.provider(), weight(ok.provider()), ok.page().hits()));
                complete &= !ok.stale();
            } else {
                complete = false;
            }
        }
        return new SearchResponse(queryId, tookMs, complete, entries, ResultMerger.merge(ranked, explain));
    }

    /** One provider's entry, exactly as the whole answer holds it. */
    ProviderEntry entry(ProviderOutcome outcome) {
        return switch (outcome) {
            case Succeeded ok -> {
                double weight = weight(ok.provider());
                var results = new ArrayList<Result>();
                int rank = 0;
                for (SearchHit hit : ok.page().hits()) {
                    results.add(result(ok.provider(), hit, ResultMerger.score(weight, ++rank)));
                }
                yield new ProviderEntry(ok.provider(), ProviderStatus.OK, ok.tookMs(), ok.page().total(),
                        null, ok.stale() ? Boolean.TRUE : null, results);
            }
            case Failed f -> new ProviderEntry(f.provider(), f.status(), f.tookMs(), null, f.error(), null, List.of());
            case Skipped s -> new ProviderEntry(s.provider(), s.status(), 0, null, null, null, List.of());
        };
    }

    private double weight(String provider) {
        return catalog.find(provider).map(e -> e.info().weight()).orElse(1.0);
    }

    private static Result result(String provider, SearchHit hit, double score) {
        return new Result(provider, List.of(provider), hit.id(), hit.title(), hit.url(), hit.snippet(), hit.authors(),
                hit.published(), hit.journal(), hit.doi(), score, null);
    }
}
