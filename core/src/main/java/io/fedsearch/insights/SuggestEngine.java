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
import java.util.HashMap;
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
 *
 * <p>Who sees a past query: the principals who asked it, and everyone once {@code minPrincipals} distinct principals
 * asked it and none of its searches asked a non-public provider ({@code restricted}); entries loaded without a
 * principal ({@link #load(Iterable)}, {@link #asked(String, Instant)}: a seed file, a benchmark) are everyone's. Each
 * entry is indexed with the Lucene contexts {@value #EVERYONE} or {@code u:<principal>} per asker, and a lookup
 * filters on the caller's, so a query another principal asked alone is never a candidate, however the prefix reads.
 * A query the caller sees only as its own scores by the caller's own asks, so its score tells nothing of others'.
 * Per distinct query the askers are kept (principal, asks, last asked): a few dozen bytes each.
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

    /** A past query with how often and when it was last asked (epoch milliseconds), suggested to everyone. */
    public record PastQuery(String text, long asks, long lastAskedMillis) {
    }

    /**
     * A past query as one principal asked it.
     *
     * @param restricted whether one of those searches asked a provider that is not public
     */
    public record PastAsk(String text, String principal, long asks, long lastAskedMillis, boolean restricted) {
    }

    /** The context of entries everyone sees. */
    static final String EVERYONE = "*";
    private static final BytesRef EVERYONE_CONTEXT = new BytesRef(EVERYONE);

    /** One principal's asks of a query. */
    private record Own(long asks, long lastAskedMillis) {

        Own plus(Own other) {
            return new Own(asks + other.asks, Math.max(lastAskedMillis, other.lastAskedMillis));
        }
    }

    /**
     * Everything known of one distinct query (immutable: replaced on each ask).
     *
     * @param everyone   loaded without a principal: suggested to everyone
     * @param restricted one of its searches asked a non-public provider: never suggested to other principals
     * @param askers     who asked it, with their own counts
     */
    private record Entry(String text, long asks, long lastAskedMillis, boolean everyone, boolean restricted,
                         Map<String, Own> askers) {

        Entry plus(Entry other) {
            var merged = new HashMap<>(askers);
            other.askers.forEach((p, own) -> merged.merge(p, own, Own::plus));
            return new Entry(text, asks + other.asks, Math.max(lastAskedMillis, other.lastAskedMillis),
                    everyone || other.everyone, restricted || other.restricted, Map.copyOf(merged));
        }
    }

    /** Replaced whole by {@link #load} and by trimming; readers take it once per lookup. */
    private volatile TypoTolerantInfixSuggester history;
    private final TypoTolerantInfixSuggester reference;
    private final Analyzer analyzer;
    private final Cache<String, Query> fuzzyQueries;
    private final int maxPastQueries;
    private final int minPrincipals;
    private final Map<String, Entry> asked = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    /** At most 1,000,000 past queries. */
    public SuggestEngine(Collection<String> referenceEntries) {
        this(referenceEntries, 1_000_000);
    }

    /** At most {@code maxPastQueries}; others' queries are shared once 3 principals asked them. */
    public SuggestEngine(Collection<String> referenceEntries, int maxPastQueries) {
        this(referenceEntries, maxPastQueries, 3);
    }

    /** @param minPrincipals distinct principals that must have asked a query before others are suggested it */
    public SuggestEngine(Collection<String> referenceEntries, int maxPastQueries, int minPrincipals) {
        if (maxPastQueries < 10) throw new IllegalArgumentException("maxPastQueries must be 10 or more");
        if (minPrincipals < 1) throw new IllegalArgumentException("minPrincipals must be 1 or more");
        this.maxPastQueries = maxPastQueries;
        this.minPrincipals = minPrincipals;
        try {
            analyzer = CustomAnalyzer.builder().withTokenizer("standard")
                    .addTokenFilter("lowercase").addTokenFilter("asciiFolding").build();
            fuzzyQueries = TypoTolerantInfixSuggester.newQueryCache();
            history = built(List.of());
            reference = new TypoTolerantInfixSuggester(analyzer, fuzzyQueries);
            reference.build(inputs(referenceEntries.stream().distinct()
                    .map(text -> new Weighted(text, 1_000_000L - text.length(), null)).iterator(), false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the suggest index", e);
        }
    }

    /** Replaces the past queries wholesale with queries for everyone (seed, benchmark); one index build. */
    public void load(Iterable<PastQuery> past) {
        load(past, List.of());
    }

    /** Replaces the past queries wholesale: some for everyone, some as principals asked them; one index build. */
    public void load(Iterable<PastQuery> everyone, Iterable<PastAsk> asks) {
        asked.clear();
        dirty.clear();
        for (PastQuery p : everyone) {
            add(p.text(), new Entry(null, p.asks(), p.lastAskedMillis(), true, false, Map.of()));
        }
        for (PastAsk a : asks) {
            add(a.text(), new Entry(null, a.asks(), a.lastAskedMillis(), false, a.restricted(),
                    Map.of(a.principal(), new Own(a.asks(), a.lastAskedMillis()))));
        }
        dirty.clear();
        if (asked.size() > maxPastQueries) trim();
        else history = built(asked.values());
    }

    /** Counts one ask suggested to everyone (a benchmark's, a test's); suggestible at the next {@link #refresh()}. */
    public void asked(String query, Instant at) {
        long millis = at.toEpochMilli();
        add(query, new Entry(null, 1, millis, true, false, Map.of()));
    }

    /**
     * Counts one ask by {@code principal}; it becomes suggestible at the next {@link #refresh()}, to that principal,
     * and to others once shared.
     *
     * @param restricted whether the search asked a provider that is not public
     */
    public void asked(String query, String principal, boolean restricted, Instant at) {
        long millis = at.toEpochMilli();
        add(query, new Entry(null, 1, millis, false, restricted, Map.of(principal, new Own(1, millis))));
    }

    private void add(String query, Entry ask) {
        String text = normal(query);
        if (text == null) return;
        String key = key(text);
        Entry named = new Entry(text, ask.asks(), ask.lastAskedMillis(), ask.everyone(), ask.restricted(), ask.askers());
        asked.merge(key, named, Entry::plus);
        dirty.add(key);
    }

    /** Whether others than its askers are suggested this entry. */
    private boolean shared(Entry e) {
        return e.everyone() || (!e.restricted() && e.askers().size() >= minPrincipals);
    }

    /** The Lucene contexts of an entry: everyone, or each asker. */
    private Set<BytesRef> contexts(Entry e) {
        if (shared(e)) return Set.of(EVERYONE_CONTEXT);
        var contexts = new HashSet<BytesRef>();
        for (String principal : e.askers().keySet()) contexts.add(principalContext(principal));
        return contexts;
    }

    private static BytesRef principalContext(String principal) {
        return new BytesRef("u:" + principal);
    }

    /** Writes the queries asked since the last call into the index and makes them visible; returns how many. */
    public int refresh() {
        if (dirty.isEmpty()) return 0;
        int n = 0;
        try {
            for (Iterator<String> it = dirty.iterator(); it.hasNext(); ) {
                String key = it.next();
                it.remove();
                Entry e = asked.get(key);
                if (e == null) continue;
                history.update(new BytesRef(e.text()), contexts(e), weight(e), null);
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
        List<Entry> all = new ArrayList<>(asked.values());
        all.sort(Comparator.comparingLong(SuggestEngine::weight).reversed());
        List<Entry> kept = all.subList(0, Math.min(all.size(), maxPastQueries / 10 * 9));
        TypoTolerantInfixSuggester fresh = built(kept);
        for (Entry dropped : all.subList(kept.size(), all.size())) {
            String key = key(dropped.text());
            // Only if not asked again since the snapshot: such a query is newer than anything kept.
            asked.remove(key, dropped);
        }
        history = fresh;
        log.info("suggest kept the {} highest-scoring of {} past queries (suggest-max-queries {})", kept.size(),
                all.size(), maxPastQueries);
    }

    /** A new history suggester holding {@code past}. */
    private TypoTolerantInfixSuggester built(Collection<Entry> past) {
        try {
            var suggester = new TypoTolerantInfixSuggester(analyzer, fuzzyQueries);
            suggester.build(inputs(past.stream().map(e -> new Weighted(e.text(), weight(e), contexts(e))).iterator(), true));
            return suggester;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the suggest index", e);
        }
    }

    public int pastQueries() {
        return asked.size();
    }

    /** Up to {@code limit} completions of {@code prefix} from the past queries everyone sees, scored as of {@code now}. */
    public List<Suggestion> suggest(String prefix, int limit, Instant now) {
        return suggest(prefix, null, limit, now);
    }

    /**
     * Up to {@code limit} completions of {@code prefix} for {@code principal} (null = only what everyone sees): its
     * own past queries and those shared, scored as of {@code now}.
     */
    public List<Suggestion> suggest(String prefix, String principal, int limit, Instant now) {
        Set<BytesRef> contexts = principal == null ? Set.of(EVERYONE_CONTEXT)
                : Set.of(EVERYONE_CONTEXT, principalContext(principal));
        try {
            var out = new ArrayList<Suggestion>(limit);
            var seen = new HashSet<String>();
            TypoTolerantInfixSuggester history = this.history;
            addRanked(out, seen, limit, history.lookup(prefix, contexts, limit, true, false),
                    reference.lookup(prefix, limit, true, false), principal, now);
            if (out.size() < limit) {
                int rest = limit - out.size() + seen.size();
                addRanked(out, seen, limit, history.fuzzyLookup(prefix, contexts, rest),
                        reference.fuzzyLookup(prefix, null, rest), principal, now);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the suggest index", e);
        }
    }

    private void addRanked(List<Suggestion> out, Set<String> seen, int limit, List<LookupResult> fromHistory,
                           List<LookupResult> fromReference, String principal, Instant now) {
        double nowTerm = now.toEpochMilli() / HALF_LIFE_MS;
        var group = new ArrayList<Suggestion>(fromHistory.size() + fromReference.size());
        for (LookupResult r : fromHistory) {
            String text = r.key.toString();
            Entry e = asked.get(key(text));
            if (e == null) continue; // dropped by a trim since the lookup
            double score = Math.pow(2, r.value / SCALE - nowTerm);
            if (!shared(e)) {
                // Seen only as the caller's own: scored by the caller's own asks, which say nothing of others'.
                Own own = e.askers().get(principal);
                if (own == null) continue; // shared when looked up, no longer
                score = Math.pow(2, log2(own.asks()) + (own.lastAskedMillis() - now.toEpochMilli()) / HALF_LIFE_MS);
            }
            group.add(new Suggestion(text, "history", score));
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

    private static long weight(Entry e) {
        return Math.round(SCALE * (log2(e.asks()) + e.lastAskedMillis() / HALF_LIFE_MS));
    }

    private static double log2(long n) {
        return Math.log(Math.max(1, n)) / Math.log(2);
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

    /** @param contexts null for entries without contexts (the reference data) */
    private record Weighted(String text, long weight, Set<BytesRef> contexts) {
    }

    private static InputIterator inputs(Iterator<Weighted> entries, boolean withContexts) {
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
                return current.contexts();
            }

            @Override
            public boolean hasContexts() {
                // Asked before the first next(): true for the past queries, which always have contexts.
                return withContexts;
            }
        };
    }
}
