package io.fedsearch.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.SearchHit;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Item rights asked from the provider's {@code item-check-url}, one batch per page:
 * {@code POST {"principal": "alice", "user": "u-42" or null, "provider": "crm", "ids": ["1", "2"]}} answered
 * {@code 200 {"allowed": ["1"]}}. Answers are cached per provider, principal and id for
 * {@code fedsearch.access.item-check-ttl} (default 5m), so only ids not seen lately are sent. A hit without an id
 * cannot be checked and is left out; when the check fails (connection, timeout within the provider's timeout,
 * non-2xx, bad shape) the unchecked hits are left out and nothing is cached. {@link #refused} asks past the cache.
 */
@Component
class HttpItemRights implements ItemRights {

    private record Item(String provider, String principal, String id) {
    }

    private static final Logger log = LoggerFactory.getLogger(HttpItemRights.class);

    private final ProviderAccessUrls urls;
    private final AccessHttp http;
    private final JdbcEntitlements entitlements;
    private final Cache<Item, Boolean> checked;

    HttpItemRights(ProviderAccessUrls urls, AccessHttp http, JdbcEntitlements entitlements, AccessProperties properties,
                   AccessEvents events) {
        this.urls = urls;
        this.http = http;
        this.entitlements = entitlements;
        this.checked = Caffeine.newBuilder().maximumSize(1_000_000).expireAfterWrite(properties.itemCheckTtl()).build();
        events.on(AccessEvents.FLUSH, ignored -> checked.invalidateAll());
        events.on(AccessEvents.ENTITLEMENTS, ignored -> checked.invalidateAll());
    }

    @Override
    public List<SearchHit> allowed(Caller caller, ProviderInfo provider, List<SearchHit> hits) {
        return filter(caller, provider, hits, true);
    }

    @Override
    public List<SearchHit> allowedKnown(Caller caller, ProviderInfo provider, List<SearchHit> hits) {
        return filter(caller, provider, hits, false);
    }

    @Override
    public boolean checksItems(String provider) {
        return urls.itemCheck(provider) != null;
    }

    @Override
    public Set<String> refused(String principal, ProviderInfo provider, Collection<String> ids) {
        String url = urls.itemCheck(provider.id());
        if (url == null || ids.isEmpty()) return Set.of();
        Map<String, String> userIds;
        try {
            // Resolved as if a key named the provider, so its user id is looked up even when only a key grants it.
            userIds = entitlements.resolve(principal, Set.of(provider.id())).userIds();
        } catch (RuntimeException e) {
            log.warn("provider {}: no re-check for principal {}, entitlements not read: {}", provider.id(), principal,
                    e.toString());
            return Set.of();
        }
        var asked = new LinkedHashSet<String>(ids);
        Set<String> allowed = ask(url, new Caller(principal, false, Set.of(), userIds), provider, asked);
        if (allowed == null) return Set.of();
        asked.removeAll(allowed);
        return Set.copyOf(asked);
    }

    private List<SearchHit> filter(Caller caller, ProviderInfo provider, List<SearchHit> hits, boolean ask) {
        String url = urls.itemCheck(provider.id());
        if (url == null || hits.isEmpty()) return hits;
        var unknown = new LinkedHashSet<String>();
        for (SearchHit hit : hits) {
            if (hit.id() != null && checked.getIfPresent(new Item(provider.id(), caller.principal(), hit.id())) == null) {
                unknown.add(hit.id());
            }
        }
        if (ask && !unknown.isEmpty()) ask(url, caller, provider, unknown);
        var visible = new ArrayList<SearchHit>(hits.size());
        for (SearchHit hit : hits) {
            if (hit.id() != null
                    && Boolean.TRUE.equals(checked.getIfPresent(new Item(provider.id(), caller.principal(), hit.id())))) {
                visible.add(hit);
            }
        }
        return visible;
    }

    /** Asks the item check and caches its answer for every id; the allowed ids, or null when the check failed. */
    private Set<String> ask(String url, Caller caller, ProviderInfo provider, Set<String> ids) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("principal", caller.principal());
        body.put("user", caller.providerUserIds().get(provider.id()));
        body.put("provider", provider.id());
        body.put("ids", List.copyOf(ids));
        try {
            JsonNode allowedNode = http.post(URI.create(url), body, provider.timeout()).path("allowed");
            if (!allowedNode.isArray()) throw new IOException("no \"allowed\" array");
            var allowed = new HashSet<String>();
            allowedNode.forEach(n -> allowed.add(n.asString()));
            for (String id : ids) {
                checked.put(new Item(provider.id(), caller.principal(), id), allowed.contains(id));
            }
            return allowed;
        } catch (IOException | RuntimeException e) {
            log.warn("provider {}: item check failed, {} hits hidden: {}", provider.id(), ids.size(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
