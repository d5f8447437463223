package io.fedsearch.history;

import io.fedsearch.access.Caller;
import io.fedsearch.access.ItemRights;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.SearchHit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What of the stored history a caller may read, by the rules the search itself applies today (not those of the day
 * a query was made): results of providers the caller may still use ({@link Caller#mayUse}), and of those with
 * item-level rights only the items {@link ItemRights} allows now (asked once per provider and read, as trending
 * asks; an item in doubt is left out). Which principal's queries a caller reads is the readers' own rule.
 */
@Component
public class HistoryAccess {

    private final ProviderCatalog catalog;
    private final ItemRights itemRights;

    HistoryAccess(ProviderCatalog catalog, ItemRights itemRights) {
        this.catalog = catalog;
        this.itemRights = itemRights;
    }

    /** Ids of the configured providers whose stored results the caller may read, in catalog order. */
    public List<String> readableProviders(Caller caller) {
        return catalog.all().stream().map(ProviderCatalog.Entry::info).filter(caller::mayUse).map(ProviderInfo::id)
                .toList();
    }

    /** Ids of the configured providers that are not public: a query that asked one of them is not for everyone. */
    public List<String> restrictedProviders() {
        return catalog.all().stream().map(ProviderCatalog.Entry::info).filter(info -> !info.publicAccess())
                .map(ProviderInfo::id).toList();
    }

    /** Whether every provider in {@code ids} is configured and public. */
    public boolean allPublic(java.util.Collection<String> ids) {
        return ids.stream().allMatch(id -> catalog.find(id).map(e -> e.info().publicAccess()).orElse(false));
    }

    /**
     * The rows the caller may see, in their order: of readable providers, and allowed by item rights. The admin key
     * reads every row: an item check would judge the rows of other principals by the admin's own rights.
     */
    public <T> List<T> visible(Caller caller, List<T> rows, Function<T, QueryRecord.ResultRow> row) {
        if (caller.admin()) return rows;
        var byProvider = new LinkedHashMap<String, List<SearchHit>>();
        var infos = new LinkedHashMap<String, Optional<ProviderInfo>>();
        for (T t : rows) {
            String provider = row.apply(t).provider();
            Optional<ProviderInfo> info = infos.computeIfAbsent(provider,
                    id -> catalog.find(id).map(ProviderCatalog.Entry::info).filter(caller::mayUse));
            if (info.isPresent() && itemRights.checksItems(provider)) {
                byProvider.computeIfAbsent(provider, p -> new ArrayList<>()).add(hit(row.apply(t)));
            }
        }
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        byProvider.forEach((provider, hits) -> {
            var ids = new HashSet<String>();
            itemRights.allowed(caller, infos.get(provider).orElseThrow(), hits).forEach(h -> ids.add(h.id()));
            allowed.put(provider, ids);
        });
        var out = new ArrayList<T>(rows.size());
        for (T t : rows) {
            QueryRecord.ResultRow r = row.apply(t);
            if (infos.get(r.provider()).isEmpty()) continue;
            Set<String> ids = allowed.get(r.provider());
            if (ids == null || ids.contains(r.resultId())) out.add(t);
        }
        return out;
    }

    /** As the item check sees a stored result: the id is what matters. */
    private static SearchHit hit(QueryRecord.ResultRow r) {
        return new SearchHit(r.resultId(), r.title(), r.url(), null, r.authors(), r.published(), r.journal(), r.doi());
    }
}
