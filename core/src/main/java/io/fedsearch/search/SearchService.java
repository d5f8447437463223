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
import io.fedsearch.search.internal.ProviderCall;
import io.fedsearch.search.internal.ProviderCallObservation;
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
 * The federated search: asks {@link ProviderSelection} which providers to call, fans out under the deadline,
 * has {@link Answers} merge what came back, and hands the {@link QueryRecords record} to the query log.
 */
@Service
public class SearchService {

    private final ProviderSelection selection;
    private final ProviderCall call;
    private final FanOut fanOut;
    private final Answers answers;
    private final QueryRecords records;
    private final QueryLog queryLog;
    private final SearchProperties settings;
    private final ItemRights itemRights;
    private final ApplicationEventPublisher events;
    private final ProviderCallObservation observation;

    SearchService(ProviderSelection selection, ProviderCall call, FanOut fanOut, Answers answers, QueryRecords records,
                  QueryLog queryLog, SearchProperties settings, ItemRights itemRights, ApplicationEventPublisher events,
                  ProviderCallObservation observation) {
        this.selection = selection;
        this.call = call;
        this.fanOut = fanOut;
        this.answers = answers;
        this.records = records;
        this.queryLog = queryLog;
        this.settings = settings;
        this.itemRights = itemRights;
        this.events = events;
        this.observation = observation;
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
        for (ProviderCatalog.Entry entry : selection.providers(request, caller)) {
            ProviderInfo info = entry.info();
            ProviderQuery query = new ProviderQuery(request.q(), request.author(), request.title(), request.journal(),
                    request.page(), request.size(), caller.providerUserIds().get(info.id()));
            ProviderOutcome early = selection.withoutCall(entry, query, caller);
            decided.put(info.id(), early);
            if (early == null) {
                var observed = observation.around(info, () -> call.run(entry, query, deadline));
                tasks.add(progress.watch(new FanOut.Task(() -> visible(observed.get(), caller, info, false),
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
        SearchResponse response = answers.answer(id, outcomes, (System.nanoTime() - start) / 1_000_000,
                request.explain());
        QueryRecord record = records.record(id, timestamp, caller, origin, request, outcomes, response.tookMs());
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

    /** One provider's entry exactly as the whole answer holds it (the stream's provider events). */
    SearchResponse.ProviderEntry entry(ProviderOutcome outcome) {
        return answers.entry(outcome);
    }
}
