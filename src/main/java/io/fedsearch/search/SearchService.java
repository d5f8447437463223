package io.fedsearch.search;

import io.fedsearch.access.Caller;
import io.fedsearch.access.FeatureFlags;
import io.fedsearch.access.ItemRights;
import io.fedsearch.history.QueryLog;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.QueryRecorded;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.search.ProviderOutcome.Failed;
import io.fedsearch.search.ProviderOutcome.Skipped;
import io.fedsearch.search.ProviderOutcome.Succeeded;
import io.fedsearch.search.SearchResponse.ProviderEntry;
import io.fedsearch.search.SearchResponse.Result;
import io.fedsearch.search.internal.Deadline;
import io.fedsearch.search.internal.FanOut;
import io.fedsearch.search.internal.ProviderCache;
import io.fedsearch.search.internal.ProviderCall;
import io.fedsearch.search.internal.ResultMerger;
import io.fedsearch.web.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The federated search: picks the providers the caller may use, fans out under the deadline, merges what came
 * back, and hands the whole query to the query log.
 */
@Service
public class SearchService {

    private final ProviderCatalog catalog;
    private final ProviderCall call;
    private final FanOut fanOut;
    private final QueryLog queryLog;
    private final FeatureFlags flags;
    private final SearchProperties settings;
    private final ProviderCache cache;
    private final ItemRights itemRights;
    private final ApplicationEventPublisher events;

    SearchService(ProviderCatalog catalog, ProviderCall call, FanOut fanOut, QueryLog queryLog, FeatureFlags flags,
                  SearchProperties settings, ProviderCache cache, ItemRights itemRights, ApplicationEventPublisher events) {
        this.cache = cache;
        this.itemRights = itemRights;
        this.events = events;
        this.catalog = catalog;
        this.call = call;
        this.fanOut = fanOut;
        this.queryLog = queryLog;
        this.flags = flags;
        this.settings = settings;
    }

    /** Forgets every provider's cached answers (admin cache flush). */
    public void flushCaches() {
        cache.flush();
    }

    /** The deadline used when a request gives none. */
    public Duration defaultTimeout() {
        return settings.defaultTimeout();
    }

    /** A search's answer together with each provider's outcome (for adapters that need upstream details). */
    public record Searched(SearchResponse response, List<ProviderOutcome> outcomes) {
    }

    public SearchResponse search(SearchRequest request, Caller caller) {
        return search(request, caller, "api").response();
    }

    /**
     * Runs one search and records it.
     *
     * @param origin where the query came in, kept with its record ("api", "arxiv")
     * @throws InvalidParameterException naming {@code providers} when an asked id is not configured
     */
    public Searched search(SearchRequest request, Caller caller, String origin) {
        return search(request, caller, origin, Progress.NONE);
    }

    /** As above, telling {@code progress} each provider's outcome as it is known (the stream). */
    Searched search(SearchRequest request, Caller caller, String origin, Progress progress) {
        long start = System.nanoTime();
        Instant timestamp = Instant.now();
        Deadline deadline = Deadline.in(request.deadline());
        Map<String, ProviderOutcome> decided = new LinkedHashMap<>();
        var tasks = new ArrayList<FanOut.Task>();
        for (ProviderCatalog.Entry entry : selection(request, caller)) {
            ProviderInfo info = entry.info();
            ProviderQuery query = new ProviderQuery(request.q(), request.author(), request.title(), request.journal(),
                    request.page(), request.size(), caller.providerUserIds().get(info.id()));
            ProviderOutcome early = decide(entry, query, caller);
            decided.put(info.id(), early);
            if (early == null) {
                tasks.add(progress.watch(new FanOut.Task(() -> visible(call.run(entry, query, deadline), caller, info, false),
                        tookMs -> visible(call.abandoned(info, query, tookMs), caller, info, true))));
            } else {
                progress.decided(early);
            }
        }
        long id = queryLog.nextId();
        List<ProviderOutcome> called = runAll(tasks, deadline);
        int next = 0;
        for (var e : decided.entrySet()) {
            if (e.getValue() == null) e.setValue(called.get(next++));
        }
        var outcomes = List.copyOf(decided.values());
        SearchResponse response = respond(id, outcomes, (System.nanoTime() - start) / 1_000_000);
        QueryRecord record = record(id, timestamp, caller, origin, request, outcomes, response.tookMs());
        queryLog.append(record);
        events.publishEvent(new QueryRecorded(record));
        return new Searched(response, outcomes);
    }

    /**
     * Leaves out the hits the caller may not see (fine-grained item rights). In the provider's task, so the check
     * runs under the deadline; for a stale answer given after the deadline only rights already known count.
     * When hits were left out the provider's total is withheld (null), as it would count them.
     */
    private ProviderOutcome visible(ProviderOutcome outcome, Caller caller, ProviderInfo info, boolean late) {
        if (!(outcome instanceof Succeeded ok)) return outcome;
        List<SearchHit> hits = ok.page().hits();
        List<SearchHit> allowed = late ? itemRights.allowedKnown(caller, info, hits) : itemRights.allowed(caller, info, hits);
        if (allowed.size() == hits.size()) return outcome;
        return new Succeeded(ok.provider(), ok.tookMs(), new ProviderPage(null, allowed), ok.stale(), ok.trace());
    }

    private List<ProviderOutcome> runAll(List<FanOut.Task> tasks, Deadline deadline) {
        try {
            return fanOut.run(tasks, deadline, settings.grace().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        }
    }

    /** Asked by name: every named one (unknown = 400). Else: enabled, non-slow (unless asked), usable ones. */
    private List<ProviderCatalog.Entry> selection(SearchRequest request, Caller caller) {
        if (request.providers() != null) {
            var chosen = new ArrayList<ProviderCatalog.Entry>();
            for (String id : request.providers()) {
                chosen.add(catalog.find(id).orElseThrow(() -> new InvalidParameterException("providers",
                        "unknown provider '" + id + "'; known: " + String.join(", ", knownIds()))));
            }
            return chosen;
        }
        var probe = new ProviderQuery(request.q(), request.author(), request.title(), request.journal(), 1, 1, null);
        return catalog.all().stream()
                .filter(e -> e.info().enabled())
                .filter(e -> request.includeSlow() || !e.info().slow())
                .filter(e -> caller.mayUse(e.info()))
                .filter(e -> e.provider().capabilities().unsupportedField(probe) == null)
                .toList();
    }

    private List<String> knownIds() {
        return catalog.all().stream().map(e -> e.info().id()).toList();
    }

    /** The outcome of a provider that is not to be called, or null when it is to be called. */
    private ProviderOutcome decide(ProviderCatalog.Entry entry, ProviderQuery query, Caller caller) {
        ProviderInfo info = entry.info();
        if (!info.enabled() || !flags.enabled(FeatureFlags.provider(info.id()))) {
            return new Skipped(info.id(), ProviderStatus.DISABLED);
        }
        if (!caller.mayUse(info)) {
            return new Skipped(info.id(), ProviderStatus.NOT_ENTITLED);
        }
        String unsupported = entry.provider().capabilities().unsupportedField(query);
        if (unsupported != null) {
            return new Failed(info.id(), ProviderStatus.ERROR, 0,
                    "provider cannot search by " + unsupported, ProviderOutcome.Trace.NONE);
        }
        return null;
    }

    /** One provider's entry exactly as the whole answer holds it (the stream's provider events). */
    ProviderEntry entry(ProviderOutcome outcome) {
        return respond(0, List.of(outcome), 0).providers().getFirst();
    }

    private SearchResponse respond(long id, List<ProviderOutcome> outcomes, long tookMs) {
        var entries = new ArrayList<ProviderEntry>();
        var ranked = new ArrayList<ResultMerger.Ranked>();
        boolean complete = !outcomes.isEmpty();
        for (ProviderOutcome outcome : outcomes) {
            switch (outcome) {
                case Succeeded ok -> {
                    double weight = catalog.find(ok.provider()).map(e -> e.info().weight()).orElse(1.0);
                    var results = new ArrayList<Result>();
                    int rank = 0;
                    for (SearchHit hit : ok.page().hits()) {
                        results.add(result(ok.provider(), hit, ResultMerger.score(weight, ++rank)));
                    }
                    entries.add(new ProviderEntry(ok.provider(), ProviderStatus.OK, ok.tookMs(), ok.page().total(),
                            null, ok.stale() ? Boolean.TRUE : null, results));
                    ranked.add(new ResultMerger.Ranked(ok.provider(), weight, ok.page().hits()));
                    complete &= !ok.stale();
                }
                case Failed f -> {
                    entries.add(new ProviderEntry(f.provider(), f.status(), f.tookMs(), null, f.error(), null, List.of()));
                    complete = false;
                }
                case Skipped s -> {
                    entries.add(new ProviderEntry(s.provider(), s.status(), 0, null, null, null, List.of()));
                    complete = false;
                }
            }
        }
        return new SearchResponse(id, tookMs, complete, entries, ResultMerger.merge(ranked));
    }

    private static Result result(String provider, SearchHit hit, double score) {
        return new Result(provider, List.of(provider), hit.id(), hit.title(), hit.url(), hit.snippet(), hit.authors(),
                hit.published(), hit.journal(), hit.doi(), score);
    }

    private QueryRecord record(long id, Instant timestamp, Caller caller, String origin, SearchRequest request,
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
