package io.fedsearch.insights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.fedsearch.access.Caller;
import io.fedsearch.provider.ProviderCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * then item-level checks in parallel batches; that answer is cached per caller for {@code trending-cache-ttl} (30s).
 */
@Service
class TrendingService implements AutoCloseable {

    /** A trending answer. @param computedAt when the window's counts were taken, unix seconds */
    record Trending(int days, int limit, long computedAt, List<JdbcClicks.Opened> results) {
    }

    private record Window(long computedAt, List<JdbcClicks.Opened> top) {
    }

    private record AnswerKey(String principal, boolean admin, Set<String> granted, int days, int limit) {
    }

    private final JdbcClicks clicks;
    private final ProviderCatalog catalog;
    private final ItemCheck itemCheck;
    private final Clock clock;
    private final int kept;
    private final Cache<Integer, Window> windows;
    private final Cache<AnswerKey, Trending> answers;
    private final ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor();

    TrendingService(JdbcClicks clicks, ProviderCatalog catalog, ItemCheck itemCheck, InsightsProperties settings,
                    ObjectProvider<Clock> clock) {
        this.clicks = clicks;
        this.catalog = catalog;
        this.itemCheck = itemCheck;
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
        var candidates = top.stream()
                .filter(o -> catalog.find(o.provider()).map(e -> caller.mayUse(e.info())).orElse(false))
                .toList();
        var out = new ArrayList<JdbcClicks.Opened>(limit);
        // Batches of `limit`: most callers are served by the first batch; item checks within a batch run at once.
        for (int from = 0; from < candidates.size() && out.size() < limit; from += limit) {
            var batch = candidates.subList(from, Math.min(candidates.size(), from + limit));
            var allowed = new ArrayList<Future<Boolean>>(batch.size());
            for (JdbcClicks.Opened o : batch) {
                allowed.add(itemCheck.fineGrained(o.provider())
                        ? checks.submit(() -> itemCheck.mayOpen(caller.principal(), o.provider(), o.resultId()))
                        : java.util.concurrent.CompletableFuture.completedFuture(true));
            }
            for (int i = 0; i < batch.size() && out.size() < limit; i++) {
                if (allowed(allowed.get(i))) out.add(batch.get(i));
            }
        }
        return out;
    }

    /** A failed or interrupted item check hides the item: unknown rights are no rights. */
    private static boolean allowed(Future<Boolean> check) {
        try {
            return check.get();
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        checks.close();
    }
}
