package io.fedsearch.insights;

import io.fedsearch.access.Caller;
import io.fedsearch.access.ItemRights;
import io.fedsearch.history.QueryLog;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.web.InvalidParameterException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Records that a caller opened one result of one of its own queries: checked against the stored query, kept in the
 * clicks table (trending) and the caller's recent list.
 */
@Service
class ClickService {

    private static final Logger log = LoggerFactory.getLogger(ClickService.class);

    /** Result ids sent in one re-check call to a provider's item check. */
    static final int RECHECK_BATCH = 100;

    private final QueryLog queryLog;
    private final ProviderCatalog catalog;
    private final JdbcClicks clicks;
    private final RecentService recent;
    private final ItemRights itemRights;
    private final Clock clock;

    ClickService(QueryLog queryLog, ProviderCatalog catalog, JdbcClicks clicks, RecentService recent,
                 ItemRights itemRights, ObjectProvider<Clock> clock) {
        this.queryLog = queryLog;
        this.catalog = catalog;
        this.clicks = clicks;
        this.recent = recent;
        this.itemRights = itemRights;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * @throws InvalidParameterException naming query_id, provider or result_id when missing or not in that query
     * @throws ForbiddenClickException   when the query is another principal's or the provider is no longer usable
     */
    OpenedResult record(Caller caller, ClickRequest click) {
        if (click == null || click.queryId() == null) throw new InvalidParameterException("query_id", "query_id is required");
        if (blank(click.provider())) throw new InvalidParameterException("provider", "provider is required");
        if (blank(click.resultId())) throw new InvalidParameterException("result_id", "result_id is required");
        QueryRecord query = queryLog.find(click.queryId()).orElseThrow(() ->
                new InvalidParameterException("query_id", "unknown query " + click.queryId()));
        if (!query.principal().equals(caller.principal())) {
            throw new ForbiddenClickException("query " + click.queryId() + " belongs to another principal");
        }
        QueryRecord.ResultRow row = query.results().stream()
                .filter(r -> r.provider().equals(click.provider()) && r.resultId().equals(click.resultId()))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException("result_id", "query " + click.queryId()
                        + " has no result '" + click.resultId() + "' from provider '" + click.provider() + "'"));
        boolean mayUse = catalog.find(row.provider()).map(e -> caller.mayUse(e.info())).orElse(false);
        if (!mayUse) {
            throw new ForbiddenClickException("provider '" + row.provider() + "' is not available to this caller");
        }
        var opened = new OpenedResult(query.queryId(), row.provider(), row.resultId(), row.title(), row.url(),
                row.authors(), row.journal(), row.published(), row.doi(), clock.instant().getEpochSecond());
        clicks.insert(caller.principal(), opened);
        recent.opened(caller.principal(), opened);
        return opened;
    }

    /**
     * Asks the item check of each given provider (those with item-level rights) again about every result a principal
     * opened there, {@value #RECHECK_BATCH} ids a call, and forgets the refused ones in the clicks table and the recent
     * lists. Every recent entry is also a row of the table (both written by {@link #record}), so the table's refusals
     * cover the lists. A failed check refuses nothing (see ItemRights.refused). Returns how many were removed.
     */
    int recheck(List<ProviderInfo> providers) {
        int removed = 0;
        var refused = new HashSet<String>();
        for (ProviderInfo provider : providers) {
            for (var opened : clicks.openedAt(provider.id()).entrySet()) {
                String principal = opened.getKey();
                List<String> ids = opened.getValue();
                for (int from = 0; from < ids.size(); from += RECHECK_BATCH) {
                    var batch = ids.subList(from, Math.min(ids.size(), from + RECHECK_BATCH));
                    for (String id : itemRights.refused(principal, provider, batch)) {
                        removed += clicks.delete(principal, provider.id(), id);
                        refused.add(principal + '\u0000' + provider.id() + '\u0000' + id);
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            removed += recent.recheckClicks((principal, r) ->
                    !refused.contains(principal + '\u0000' + r.provider() + '\u0000' + r.resultId()));
        }
        log.info("re-checked opened results of providers {}: {} removed",
                providers.stream().map(ProviderInfo::id).toList(), removed);
        return removed;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
