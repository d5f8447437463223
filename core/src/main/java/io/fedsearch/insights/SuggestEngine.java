package io.fedsearch.insights;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completions from past queries and reference data (no Spring: the JMH benchmark drives it directly).
 *
 * <p>Ranking: exact (infix or prefix) matches first, then matches within one edit per word; within each group by
 * score. A past query scores {@code asks × 2^(-days since last asked / 7)}, so frequent queries lead and a query
 * nobody asked for a week counts half; a reference entry scores {@value #REFERENCE_SCORE} (shorter entries first).
 * The index stores that score in log space with the decay turned into growth ({@code log2(asks) + t / 7 days}),
 * which orders entries the same way at any moment, so an entry is rewritten only when it is asked again.
 *
 * <p>Memory: about 200 bytes per distinct past query for the counts plus the Lucene index (in memory). At most
 * {@code maxPastQueries} are kept: past that, a refresh keeps the 90 % that score highest (frequent and recent) and
 * rebuilds the index from them beside the one in use, so a service that sees millions of distinct queries a day stays
 * in bounded memory.
 */
public final class SuggestEngine implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SuggestEngine.class);

    /** A reference entry weighs as much as a query asked once, a week ago. */
    public static final double REFERENCE_SCORE = 0.5;
    /** Past queries longer than this are not offered as completions (characters). */
    static final int MAX_TEXT = 200;

    private static final double HALF_LIFE_MS = Duration.ofDays(7).toMillis();
    private static final double SCALE = 1_000_000;

    /** One completion. @param source "history" or "reference" */
    public record Suggestion(String text, String source, double score) {
    }

    /** A past query with how often and when it was last asked (epoch milliseconds). */
    public record PastQuery(String text, long asks, long lastAskedMillis) {
    }

    /** Replaced whole by {@link #load} and by trimming; readers take it once per lookup. */
    private volatile TypoTolerantInfixSuggester history;
    private final TypoTolerantInfixSuggester reference;
    private final Analyzer analyzer;
    private final Cache<String, Query> fuzzyQueries;
    private final int maxPastQueries;
    private final Map<String, PastQuery> asked = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    /** At most 1,000,000 past queries. */
    public SuggestEngine(Collection<String> referenceEntries) {
        this(referenceEntries, 1_000_000);
    }

    public SuggestEngine(Collection<String> referenceEntries, int maxPastQueries) {
        if (maxPastQueries < 10) throw new IllegalArgumentException("maxPastQueries must be 10 or more");
        this.maxPastQueries = maxPastQueries;
        try {
            analyzer = CustomAnalyzer.builder().withTokenizer("standard")
                    .addTokenFilter("lowercase").addTokenFilter("asciiFolding").build();
            fuzzyQueries = TypoTolerantInfixSuggester.newQueryCache();
            history = built(List.of());
            reference = new TypoTolerantInfixSuggester(analyzer, fuzzyQueries);
            reference.build(inputs(referenceEntries.stream().distinct()
                    .map(text -> new Weighted(text, 1_000_000L - text.length())).iterator()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the suggest index", e);
        }
    }

    /** Replaces the past queries wholesale (start-up seed, benchmark); one index build. */
    public void load(Iterable<PastQuery> past) {
        asked.clear();
        dirty.clear();
        for (PastQuery p : past) {
            String text = normal(p.text());
            if (text != null) asked.put(key(text), new PastQuery(text, p.asks(), p.lastAskedMillis()));
        }
        if (asked.size() > maxPastQueries) trim();
        else history = built(asked.values());
    }

    /** Counts one ask; it becomes suggestible at the next {@link #refresh()}. */
    public void asked(String query, Instant at) {
        String text = normal(query);
        if (text == null) return;
        String key = key(text);
        long millis = at.toEpochMilli();
        asked.merge(key, new PastQuery(text, 1, millis),
                (old, one) -> new PastQuery(old.text(), old.asks() + 1, Math.max(old.lastAskedMillis(), millis)));
        dirty.add(key);
    }

    /** Writes the queries asked since the last call into the index and makes them visible; returns how many. */
    public int refresh() {
        if (dirty.isEmpty()) return 0;
        int n = 0;
        try {
            for (Iterator<String> it = dirty.iterator(); it.hasNext(); ) {
                String key = it.next();
                it.remove();
                PastQuery p = asked.get(key);
                if (p == null) continue;
                history.update(new BytesRef(p.text()), null, weight(p), null);
                n++;
            }
            history.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the suggest index", e);
        }
        if (asked.size() > maxPastQueries) trim();
        return n;
    }

    /**
     * Keeps the 90 % of {@link #maxPastQueries} that score highest now and swaps in an index of just those, built
     * beside the one in use so lookups never see a half-built index. The index it replaces is not closed: a lookup
     * may still be reading it, and it lives in the heap, so the garbage collector frees it. Runs on the refresh
     * thread; queries asked meanwhile are kept and indexed at the next refresh.
     */
    private void trim() {
        List<PastQuery> all = new ArrayList<>(asked.values());
        all.sort(Comparator.comparingLong(SuggestEngine::weight).reversed());
        List<PastQuery> kept = all.subList(0, Math.min(all.size(), maxPastQueries / 10 * 9));
        TypoTolerantInfixSuggester fresh = built(kept);
        for (PastQuery dropped : all.subList(kept.size(), all.size())) {
            String key = key(dropped.text());
            // Only if not asked again since the snapshot: such a query is newer than anything kept.
            asked.remove(key, dropped);
        }
        history = fresh;
        log.info("suggest kept the {} highest-scoring of {} past queries (suggest-max-queries {})", kept.size(),
                all.size(), maxPastQueries);
    }

    /** A new history suggester holding {@code past}. */
    private TypoTolerantInfixSuggester built(Collection<PastQuery> past) {
        try {
            var suggester = new TypoTolerantInfixSuggester(analyzer, fuzzyQueries);
            suggester.build(inputs(past.stream().map(p -> new Weighted(p.text(), weight(p))).iterator()));
            return suggester;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the suggest index", e);
        }
    }

    public int pastQueries() {
        return asked.size();
    }

    /** Up to {@code limit} completions of {@code prefix}, scored as of {@code now}. */
    public List<Suggestion> suggest(String prefix, int limit, Instant now) {
        try {
            var out = new ArrayList<Suggestion>(limit);
            var seen = new HashSet<String>();
            TypoTolerantInfixSuggester history = this.history;
            addRanked(out, seen, limit, history.lookup(prefix, limit, true, false),
                    reference.lookup(prefix, limit, true, false), now);
            if (out.size() < limit) {
                int rest = limit - out.size() + seen.size();
                addRanked(out, seen, limit, history.fuzzyLookup(prefix, rest), reference.fuzzyLookup(prefix, rest), now);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the suggest index", e);
        }
    }

    private static void addRanked(List<Suggestion> out, Set<String> seen, int limit, List<LookupResult> fromHistory,
                                  List<LookupResult> fromReference, Instant now) {
        double nowTerm = now.toEpochMilli() / HALF_LIFE_MS;
        var group = new ArrayList<Suggestion>(fromHistory.size() + fromReference.size());
        for (LookupResult r : fromHistory) {
            group.add(new Suggestion(r.key.toString(), "history", Math.pow(2, r.value / SCALE - nowTerm)));
        }
        for (LookupResult r : fromReference) {
            group.add(new Suggestion(r.key.toString(), "reference", REFERENCE_SCORE));
        }
        // Stable: Lucene's weight order is kept among equal scores (shorter reference entries first).
        group.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        for (Suggestion s : group) {
            if (out.size() >= limit) return;
            if (seen.add(key(s.text()))) out.add(s);
        }
    }

    private static long weight(PastQuery p) {
        return Math.round(SCALE * (Math.log(Math.max(1, p.asks())) / Math.log(2) + p.lastAskedMillis() / HALF_LIFE_MS));
    }

    /** Trimmed, inner whitespace collapsed; null when empty or too long to be a useful completion. */
    static String normal(String text) {
        if (text == null) return null;
        String t = text.strip().replaceAll("\\s+", " ");
        return t.isEmpty() || t.length() > MAX_TEXT ? null : t;
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        history.close();
        reference.close();
    }

    private record Weighted(String text, long weight) {
    }

    private static InputIterator inputs(Iterator<Weighted> entries) {
        return new InputIterator() {
            private Weighted current;

            @Override
            public BytesRef next() {
                if (!entries.hasNext()) return null;
                current = entries.next();
                return new BytesRef(current.text());
            }

            @Override
            public long weight() {
                return current.weight();
            }

            @Override
            public BytesRef payload() {
                return null;
            }

            @Override
            public boolean hasPayloads() {
                return false;
            }

            @Override
            public Set<BytesRef> contexts() {
                return null;
            }

            @Override
            public boolean hasContexts() {
                return false;
            }
        };
    }
}
