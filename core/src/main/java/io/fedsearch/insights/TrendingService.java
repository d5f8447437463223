package io.fedsearch.insights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.fedsearch.access.Caller;
import io.fedsearch.access.ItemRights;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.SearchHit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The most-opened results over the last N days. Per window, the top {@code trending-kept} (100) are counted from the
 * clicks table and kept for {@code trending-recompute} (1h; recomputed on demand when older, and by a background job
 * for the windows in use). Each caller then gets the first {@code limit} it may see: provider entitlements first,
 * then item-level rights (the access module's ItemRights, one call per provider and batch, in parallel); that answer
 * is cached per caller for {@code trending-cache-ttl} (30s).
 */
@Service
class TrendingService implements AutoCloseable {

    /** A trending answer. @param computedAt when the window's counts were taken, unix seconds */
    record Trending(int days, int limit, long computedAt, List<JdbcClicks.Opened> results) {
    }

    private record Window(long computedAt, List<JdbcClicks.Opened> top) {
    }

    /** A counted result of a provider the caller may use, before item-level rights. */
    private record Candidate(JdbcClicks.Opened opened, ProviderInfo info) {

        static String identity(String provider, String resultId) {
            return provider + '\u0000' + resultId;
        }

        String identity() {
            return identity(opened.provider(), opened.resultId());
        }

        /** As the item check sees it: the id is what matters. */
        SearchHit hit() {
            return new SearchHit(opened.resultId(), opened.title(), opened.url(), null, opened.authors(),
                    opened.published(), opened.journal(), opened.doi());
        }
    }

    private record AnswerKey(String principal, boolean admin, Set<String> granted, int days, int limit) {
    }

    private final JdbcClicks clicks;
    private final ProviderCatalog catalog;
    private final ItemRights itemRights;
    private final Clock clock;
    private final int kept;
    private final Cache<Integer, Window> windows;
    private final Cache<AnswerKey, Trending> answers;
    private final ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor();

    TrendingService(JdbcClicks clicks, ProviderCatalog catalog, ItemRights itemRights, InsightsProperties settings,
                    ObjectProvider<Clock> clock) {
        this.clicks = clicks;
        this.catalog = catalog;
        this.itemRights = itemRights;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.kept = settings.trendingKept();
        // Ages follow the injected clock, so a test that moves the clock also ages the caches.
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(this.clock.millis());
        this.windows = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(settings.trendingRecompute()).build();
        this.answers = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(settings.trendingCacheTtl())
                .maximumSize(10_000).build();
    }

    Trending trending(Caller caller, int days, int limit) {
        var key = new AnswerKey(caller.principal(), caller.admin(), caller.granted(), days, limit);
        return answers.get(key, k -> {
            Window window = windows.get(days, this::compute);
            return new Trending(days, limit, window.computedAt(), visible(caller, window.top(), limit));
        });
    }

    /** Keeps the windows in use fresh even when nobody asks for a while (never older than the recompute period). */
    @Scheduled(fixedDelayString = "${fedsearch.insights.trending-recompute:1h}",
            initialDelayString = "${fedsearch.insights.trending-recompute:1h}")
    void recomputeWindowsInUse() {
        for (Integer days : Set.copyOf(windows.asMap().keySet())) {
            windows.put(days, compute(days));
        }
    }

    private Window compute(int days) {
        long now = clock.millis();
        return new Window(now / 1000, clicks.top(now - Duration.ofDays(days).toMillis(), now, kept));
    }

    /** The first {@code limit} of {@code top} the caller may see, in order. */
    private List<JdbcClicks.Opened> visible(Caller caller, List<JdbcClicks.Opened> top, int limit) {
        var candidates = new ArrayList<Candidate>();
        for (JdbcClicks.Opened o : top) {
            catalog.find(o.provider()).map(ProviderCatalog.Entry::info).filter(caller::mayUse)
                    .ifPresent(info -> candidates.add(new Candidate(o, info)));
        }
        var out = new ArrayList<JdbcClicks.Opened>(limit);
        // Batches of `limit`: most callers are served by the first batch.
        for (int from = 0; from < candidates.size() && out.size() < limit; from += limit) {
            var batch = candidates.subList(from, Math.min(candidates.size(), from + limit));
            Set<String> allowed = allowed(caller, batch);
            for (int i = 0; i < batch.size() && out.size() < limit; i++) {
                if (allowed.contains(batch.get(i).identity())) out.add(batch.get(i).opened());
            }
        }
        return out;
    }

    /**
     * The identities in the batch the caller may see: ItemRights asked once per provider with item-level rights, those
     * calls at once; other providers' items pass. An interrupted check hides its items: unknown rights are no rights.
     */
    private Set<String> allowed(Caller caller, List<Candidate> batch) {
        var allowed = new HashSet<String>();
        var byProvider = new LinkedHashMap<ProviderInfo, List<SearchHit>>();
        for (Candidate c : batch) {
            if (itemRights.checksItems(c.info().id())) {
                byProvider.computeIfAbsent(c.info(), p -> new ArrayList<>()).add(c.hit());
            } else {
                allowed.add(c.identity());
            }
        }
        var asked = new ArrayList<Future<List<String>>>(byProvider.size());
        byProvider.forEach((info, hits) -> asked.add(checks.submit(() -> itemRights.allowed(caller, info, hits).stream()
                .map(h -> Candidate.identity(info.id(), h.id())).toList())));
        for (Future<List<String>> answer : asked) {
            try {
                allowed.addAll(answer.get());
            } catch (ExecutionException e) {
                // ItemRights never throws; nothing from this provider is shown if it did.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return allowed;
    }

    /** Drops the counted windows and the answers, e.g. after the re-check removed clicks; the next ask recounts. */
    void forget() {
        windows.invalidateAll();
        answers.invalidateAll();
    }

    @Override
    public void close() {
        checks.close();
    }
}
