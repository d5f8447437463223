package io.fedsearch.insights;

import io.fedsearch.history.QueryHistory;
import io.fedsearch.history.QueryRecorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Suggest over this node's past queries and the reference data. Each search's free text ({@code q}) is counted as
 * it is logged; every {@code suggest-refresh} (5s) the queries asked since are written into the index, which readers
 * see atomically (Lucene's searcher manager). Past queries live in this process: a replica learns from the searches
 * it serves; at start-up it loads the most asked queries of the stored history (shared by every replica on one
 * database; at most {@value #HISTORY_LOAD} over the last {@value #HISTORY_DAYS} days) and the optional
 * {@code suggest-history-seed} file.
 */
@Service
class SuggestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SuggestService.class);
    static final int HISTORY_LOAD = 200_000;
    static final int HISTORY_DAYS = 90;

    private final SuggestEngine engine;
    private final Clock clock;

    SuggestService(InsightsProperties settings, ObjectProvider<Clock> clock, QueryHistory history) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        List<String> reference = ReferenceData.load(settings.suggestReferenceDir());
        this.engine = new SuggestEngine(reference);
        var past = new ArrayList<>(stored(history));
        if (settings.suggestHistorySeed() != null) {
            past.addAll(seed(settings.suggestHistorySeed()));
        }
        engine.load(past);
        log.info("suggest ready: {} reference entries, {} past queries", reference.size(), engine.pastQueries());
    }

    @EventListener
    void onQuery(QueryRecorded event) {
        engine.asked(event.record().q(), event.record().timestamp());
    }

    @Scheduled(fixedDelayString = "${fedsearch.insights.suggest-refresh:5s}")
    void refresh() {
        int n = engine.refresh();
        if (n > 0) log.debug("suggest index refreshed with {} queries", n);
    }

    List<SuggestEngine.Suggestion> suggest(String prefix, int limit) {
        return engine.suggest(prefix, limit, clock.instant());
    }

    /** The most asked stored queries; none (and a warning) when the store cannot be read now. */
    private List<SuggestEngine.PastQuery> stored(QueryHistory history) {
        long since = clock.millis() - java.time.Duration.ofDays(HISTORY_DAYS).toMillis();
        try {
            return history.mostAsked(since, HISTORY_LOAD).stream()
                    .map(a -> new SuggestEngine.PastQuery(a.q(), a.asks(), a.lastAskedMs())).toList();
        } catch (org.springframework.dao.DataAccessException e) {
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
        engine.close();
    }
}
