package io.fedsearch.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fedsearch.access.CachesFlushed;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per-provider answers kept in memory. Fresh for the provider's cache-ttl; kept up to 10 x that so a failed call
 * can be answered stale instead of with an error. At most 10,000 answers per provider.
 */
@Component
public class ProviderCache {

    static final int STALE_FACTOR = 10;

    /** A kept answer and when it was fetched (System.nanoTime). */
    public record Held(ProviderPage page, URI uri, Integer httpStatus, long fetchedNanos) {
    }

    private final Map<String, Cache<ProviderQuery, Held>> caches = new ConcurrentHashMap<>();

    private Cache<ProviderQuery, Held> of(ProviderInfo provider) {
        return caches.computeIfAbsent(provider.id(), id -> Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(provider.cacheTtl().multipliedBy(STALE_FACTOR))
                .build());
    }

    public Optional<Held> fresh(ProviderInfo provider, ProviderQuery query) {
        Held held = of(provider).getIfPresent(query);
        long age = held == null ? Long.MAX_VALUE : System.nanoTime() - held.fetchedNanos();
        return age < provider.cacheTtl().toNanos() ? Optional.of(held) : Optional.empty();
    }

    public Optional<Held> stale(ProviderInfo provider, ProviderQuery query) {
        return Optional.ofNullable(of(provider).getIfPresent(query));
    }

    public void put(ProviderInfo provider, ProviderQuery query, Held held) {
        of(provider).put(query, held);
    }

    /** Forgets every kept answer of every provider. */
    @EventListener(CachesFlushed.class)
    public void flush() {
        caches.values().forEach(Cache::invalidateAll);
    }
}
