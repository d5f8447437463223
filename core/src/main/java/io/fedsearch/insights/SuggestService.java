package io.fedsearch.insights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fedsearch.access.Caller;
import io.fedsearch.history.HistoryAccess;
import io.fedsearch.history.QueryHistory;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.QueryRecorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Suggest over the past queries and the reference data. Each search's free text ({@code q}) is counted as it is
 * logged; every {@code suggest-refresh} (5s) the queries asked since are written into the index, which readers see
 * atomically (Lucene's searcher manager). Once the app is ready a replica loads, in the background, the most asked
 * queries of the stored history (at most {@value #HISTORY_LOAD} over the last {@value #HISTORY_DAYS} days) and the
 * optional {@code suggest-history-seed} file; until then suggest answers from the reference data alone, and the
 * queries asked meanwhile are counted once the load is in. The reference index is built beside the rest of the
 * start-up and the app is not ready before it is there. Every {@code suggest-sync} (10s) it reads the queries stored since, so replicas
 * sharing one database learn from each other's searches (not on an embedded H2, which no other replica can reach).
 * The ids of the searches it counted (its own, and those read) are remembered for {@value #REMEMBER_MINUTES}
 * minutes, longer than a sync looks back, so no search is counted twice.
 *
 * <p>Each ask is counted with its principal and whether it asked a provider that is not public (by the provider
 * configuration in force when it is counted), so a caller is suggested its own past queries and others' only once
 * {@code suggest-min-principals} principals asked them of public providers only (see {@link SuggestEngine}).
 */
@Service
class SuggestService implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SuggestService.class);
    static final int HISTORY_LOAD = 200_000;
    static final int HISTORY_DAYS = 90;
    /** Records reach the database a little after their search (batched writer); each sync looks this far back. */
    static final long LATE_MS = 15_000;
    static final int REMEMBER_MINUTES = 2;
    static final int SYNC_LIMIT = 50_000;

    /** The reference index, built on its own thread while the rest of the context starts (see {@link #start()}). */
    private final CompletableFuture<SuggestEngine> engine;
    private final List<SuggestEngine.PastQuery> seeded;
    private final Clock clock;
    private final QueryHistory history;
    private final HistoryAccess access;
    /** Query ids already counted: this node's own, and those read by earlier syncs. */
    private final Cache<Long, Boolean> counted = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(REMEMBER_MINUTES)).build();
    /** Stored queries up to here are counted (or were loaded at start-up). */
    private volatile long syncedUpTo;
    /** When the stored history was read: a sync reads only what was stored after. */
    private volatile long started;
    /** Queries recorded before the stored history is loaded (a load replaces the past queries), then null. */
    private List<Ask> early = new ArrayList<>();
    private volatile boolean running;
    /** False on an embedded H2 database: no other replica writes to it, so a sync would find only our own queries. */
    private final boolean syncing;

    SuggestService(InsightsProperties settings, ObjectProvider<Clock> clock, QueryHistory history, HistoryAccess access,
                   DataSourceProperties database) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.history = history;
        this.access = access;
        this.syncing = sharedByReplicas(database.getUrl() == null ? "" : database.getUrl());
        this.started = this.clock.millis();
        this.syncedUpTo = started;
        // Read (and checked) here, so a bad directory or seed file still fails the start with its key.
        List<String> reference = ReferenceData.load(settings.suggestReferenceDir());
        this.seeded = settings.suggestHistorySeed() == null ? List.of() : seed(settings.suggestHistorySeed());
        this.engine = CompletableFuture.supplyAsync(() -> {
            var built = new SuggestEngine(reference, settings.suggestMaxQueries(), settings.suggestMinPrincipals());
            log.info("suggest ready: {} reference entries", reference.size());
            return built;
        }, task -> Thread.ofPlatform().daemon().name("suggest-reference").start(task));
    }

    /** Waits for the reference index, before the web server opens its port (phase), so readiness implies it. */
    @Override
    public void start() {
        try {
            engine.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot build the suggest reference index", e.getCause());
        }
        running = true;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Loads the stored history off the start-up path: a large history (up to {@value #HISTORY_LOAD} queries) takes
     * seconds to read and index, and readiness need not wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadHistoryInBackground() {
        Thread.ofVirtual().name("suggest-history").start(this::loadHistory);
    }

    /**
     * Replaces the past queries with the seed and the stored history, then counts those recorded since the read
     * began. Those recorded before it are in what it read (the history writer lags by its linger, 10 ms), so they
     * are not counted twice; searches come once the app is ready, and the load starts just before, so in practice
     * every early ask is replayed.
     */
    void loadHistory() {
        SuggestEngine engine = engine();
        long readFrom = clock.millis();
        try {
            started = readFrom;
            syncedUpTo = readFrom;
            engine.load(seeded, stored(history));
            log.info("suggest loaded {} past queries", engine.pastQueries());
        } finally {
            List<Ask> meanwhile;
            synchronized (this) {
                meanwhile = early;
                early = null;
            }
            meanwhile.stream().filter(ask -> ask.at().toEpochMilli() >= readFrom).forEach(this::count);
        }
    }

    @EventListener
    void onQuery(QueryRecorded event) {
        QueryRecord r = event.record();
        if (syncing) counted.put(r.queryId(), Boolean.TRUE);
        boolean restricted = !access.allPublic(r.providers().stream().map(QueryRecord.ProviderSummary::provider).toList());
        var ask = new Ask(r.q(), r.principal(), restricted, r.timestamp());
        synchronized (this) {
            if (early != null) {
                early.add(ask);
                return;
            }
        }
        count(ask);
    }

    private void count(Ask ask) {
        engine().asked(ask.q(), ask.principal(), ask.restricted(), ask.at());
    }

    /** One search's ask, as the engine counts it (kept small: it may wait in {@link #early}). */
    private record Ask(String q, String principal, boolean restricted, Instant at) {
    }

    /**
     * Counts the queries other replicas stored since the last sync. Looks {@link #LATE_MS} further back than that,
     * for records written late, but never before start-up, which the start-up load covered.
     */
    @Scheduled(fixedDelayString = "${fedsearch.insights.suggest-sync:10s}")
    void sync() {
        if (!syncing || !historyLoaded()) return;
        long now = clock.millis();
        List<QueryHistory.AskedOnce> stored;
        try {
            stored = history.askedBetween(Math.max(started, syncedUpTo - LATE_MS), now, access.restrictedProviders(),
                    SYNC_LIMIT);
        } catch (DataAccessException e) {
            log.debug("suggest sync skipped, the store cannot be read now: {}", e.getMessage());
            return;
        }
        int n = 0;
        for (QueryHistory.AskedOnce q : stored) {
            if (counted.asMap().putIfAbsent(q.queryId(), Boolean.TRUE) == null) {
                engine().asked(q.q(), q.principal(), q.restricted(), Instant.ofEpochMilli(q.askedMs()));
                n++;
            }
        }
        syncedUpTo = stored.size() == SYNC_LIMIT ? stored.getLast().askedMs() : now;
        if (n > 0) log.debug("suggest learned {} queries stored by other replicas", n);
    }

    @Scheduled(fixedDelayString = "${fedsearch.insights.suggest-refresh:5s}")
    void refresh() {
        int n = engine().refresh();
        if (n > 0) log.debug("suggest index refreshed with {} queries", n);
    }

    /** Completions for {@code caller}: its own past queries (anonymous callers share one), those shared, reference data. */
    List<SuggestEngine.Suggestion> suggest(Caller caller, String prefix, int limit) {
        return engine().suggest(prefix, caller.principal(), limit, clock.instant());
    }

    /** The engine; ready from {@link #start()} on, so this waits only if called earlier. */
    private SuggestEngine engine() {
        return engine.join();
    }

    private synchronized boolean historyLoaded() {
        return early == null;
    }

    /** Whether other replicas may write to this database: anything but an embedded (file or in-memory) H2. */
    static boolean sharedByReplicas(String databaseUrl) {
        String url = databaseUrl.toLowerCase(Locale.ROOT);
        boolean embeddedH2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:") && !url.contains("auto_server=true");
        return !embeddedH2;
    }

    /** The most asked stored queries per principal; none (and a warning) when the store cannot be read now. */
    private List<SuggestEngine.PastAsk> stored(QueryHistory history) {
        long since = clock.millis() - Duration.ofDays(HISTORY_DAYS).toMillis();
        try {
            return history.mostAsked(since, access.restrictedProviders(), HISTORY_LOAD).stream()
                    .map(a -> new SuggestEngine.PastAsk(a.q(), a.principal(), a.asks(), a.lastAskedMs(), a.restricted()))
                    .toList();
        } catch (DataAccessException e) {
            log.warn("suggest starts without stored history, the store could not be read: {}", e.getMessage());
            return List.of();
        }
    }

    /** Lines "asks<TAB>query"; a line without a tab counts once. Last asked = now. */
    private List<SuggestEngine.PastQuery> seed(Path file) {
        long now = clock.millis();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).map(l -> {
                int tab = l.indexOf('\t');
                if (tab < 0) return new SuggestEngine.PastQuery(l, 1, now);
                return new SuggestEngine.PastQuery(l.substring(tab + 1), Long.parseLong(l.substring(0, tab).strip()), now);
            }).toList();
        } catch (IOException | NumberFormatException e) {
            throw new io.fedsearch.provider.InvalidConfigurationException("fedsearch.insights.suggest-history-seed", file,
                    "a readable UTF-8 file of 'asks<TAB>query' lines (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        if (!engine.isCompletedExceptionally()) engine().close();
    }
}
