package io.fedsearch.insights;

import io.fedsearch.access.Caller;
import io.fedsearch.history.QueryRecorded;
import io.fedsearch.insights.RecentStore.Kind;
import io.fedsearch.provider.ProviderCatalog;
import java.util.List;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each caller's last {@value RecentStore#KEPT} distinct queries and opened results. Entitlements are applied when
 * the lists are read, so a revoked provider disappears at once; {@link #recheckClicks} drops stored entries for
 * item-level rights. The shared "anonymous" principal gets no lists: they would show one anonymous user's queries
 * to another.
 */
@Service
class RecentService {

    private static final Logger log = LoggerFactory.getLogger(RecentService.class);

    private final RecentStore store;
    private final ProviderCatalog catalog;
    private final JsonMapper json = JsonMapper.builder().build();

    RecentService(RecentStore store, ProviderCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Every search lands here after it was logged; a store failure is logged and never fails the search. */
    @EventListener
    void onQuery(QueryRecorded event) {
        var record = event.record();
        if (isAnonymous(record.principal())) return;
        var entry = RecentQuery.of(record);
        try {
            store.push(Kind.QUERIES, record.principal(), entry.identity(), json.writeValueAsString(entry));
        } catch (RuntimeException e) {
            log.warn("recent queries not updated for principal {}: {}", record.principal(), e.toString());
        }
    }

    void opened(String principal, OpenedResult result) {
        if (isAnonymous(principal)) return;
        store.push(Kind.CLICKS, principal, result.identity(), json.writeValueAsString(result));
    }

    List<RecentQuery> queries(Caller caller) {
        if (caller.anonymous()) return List.of();
        return store.read(Kind.QUERIES, caller.principal()).stream()
                .map(s -> json.readValue(s, RecentQuery.class)).toList();
    }

    /** Newest first, only results of providers the caller may still use. */
    List<OpenedResult> clicks(Caller caller) {
        if (caller.anonymous()) return List.of();
        return store.read(Kind.CLICKS, caller.principal()).stream()
                .map(s -> json.readValue(s, OpenedResult.class))
                .filter(r -> catalog.find(r.provider()).map(e -> caller.mayUse(e.info())).orElse(false))
                .toList();
    }

    /** Removes stored opened results for which {@code stillAllowed} (principal, result) is false; returns how many. */
    int recheckClicks(BiPredicate<String, OpenedResult> stillAllowed) {
        return store.removeIf(Kind.CLICKS, (principal, s) -> !stillAllowed.test(principal, json.readValue(s, OpenedResult.class)));
    }

    private static boolean isAnonymous(String principal) {
        return Caller.ANONYMOUS.principal().equals(principal);
    }
}
