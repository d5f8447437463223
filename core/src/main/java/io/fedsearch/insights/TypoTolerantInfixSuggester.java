package io.fedsearch.insights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * Lucene's infix suggester (every word of an entry is a starting point: "neutr" finds "solar neutrinos"), in memory,
 * plus a second lookup that forgives one edit (insertion, deletion, substitution or transposition) per word over the
 * same index. The fuzzy lookup is a separate call so exact matches can always be ranked above typo matches.
 *
 * <p>Compiling a one-edit automaton (determinize, UTF-8 conversion) costs several times more than running it over
 * the term dictionary, so compiled per-word queries are kept in a small cache shared by the suggesters of one engine:
 * a user typing "quatnu" asks for the same words again and again as the prefix grows and as others make the same typo.
 */
final class TypoTolerantInfixSuggester extends AnalyzingInfixSuggester {

    /** Words shorter than this are matched exactly: one edit on two letters matches nearly everything. */
    static final int MIN_FUZZY_LENGTH = 3;
    /** Unfinished words shorter than this are matched as exact prefixes: "ab" + one edit + anything is too wide. */
    static final int MIN_FUZZY_PREFIX_LENGTH = 4;
    /** At most this many index words stand in for one typed word (bounds the cost of a lookup). */
    static final int MAX_EXPANSIONS = 50;

    private static final Sort BY_WEIGHT = new Sort(new SortField("weight", SortField.Type.LONG, true));

    /** Compiled one-edit queries per typed word, shared by the suggesters of one engine. */
    static Cache<String, Query> newQueryCache() {
        return Caffeine.newBuilder().maximumSize(10_000).build();
    }

    private final Cache<String, Query> fuzzyQueries;

    TypoTolerantInfixSuggester(Analyzer analyzer, Cache<String, Query> fuzzyQueries) throws IOException {
        // edge n-grams below 4 letters; no commit on build; all words required; no highlight; writer kept open for update().
        super(new ByteBuffersDirectory(), analyzer, analyzer, DEFAULT_MIN_PREFIX_CHARS, false, true, false, false);
        this.fuzzyQueries = fuzzyQueries;
    }

    /**
     * Entries whose words each match a word of the key within one edit; the key's last word may be unfinished
     * (matched as a prefix within one edit). Highest weight first. Only entries with one of {@code contexts}, unless
     * that is null.
     */
    List<LookupResult> fuzzyLookup(String key, Set<BytesRef> contexts, int num) throws IOException {
        List<String> tokens = tokens(key);
        if (tokens.isEmpty() || searcherMgr == null) {
            return List.of();
        }
        boolean lastUnfinished = !Character.isWhitespace(key.charAt(key.length() - 1));
        var query = new BooleanQuery.Builder();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean prefix = lastUnfinished && i == tokens.size() - 1;
            query.add(prefix ? fuzzyPrefix(token) : fuzzyWord(token), Occur.MUST);
        }
        if (contexts != null) {
            var any = new BooleanQuery.Builder();
            for (BytesRef context : contexts) any.add(new TermQuery(new Term(CONTEXTS_FIELD_NAME, context)), Occur.SHOULD);
            query.add(any.build(), Occur.FILTER);
        }
        SearcherManager manager;
        IndexSearcher searcher;
        searcherMgrLock.readLock().lock();
        try {
            manager = searcherMgr;
            searcher = manager.acquire();
        } finally {
            searcherMgrLock.readLock().unlock();
        }
        try {
            TopFieldDocs hits = searcher.search(query.build(), num, BY_WEIGHT);
            return createResults(searcher, hits, num, key, false, Set.of(), null);
        } finally {
            manager.release(searcher);
        }
    }

    private Query fuzzyWord(String token) {
        if (token.length() < MIN_FUZZY_LENGTH) {
            return new TermQuery(new Term(TEXT_FIELD_NAME, token));
        }
        return fuzzyQueries.get("w " + token, k -> oneEdit(token, new TermQuery(new Term(TEXT_FIELD_NAME, token)),
                new LevenshteinAutomata(token, true).toAutomaton(1)));
    }

    private Query fuzzyPrefix(String token) {
        if (token.length() < MIN_FUZZY_PREFIX_LENGTH) {
            return exactPrefix(token);
        }
        return fuzzyQueries.get("p " + token, k -> oneEdit(token, exactPrefix(token), Operations.determinize(
                Operations.concatenate(List.of(new LevenshteinAutomata(token, true).toAutomaton(1), Automata.makeAnyString())),
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT)));
    }

    private Query exactPrefix(String token) {
        try {
            return getLastTokenQuery(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The exact match, or one of {@value #MAX_EXPANSIONS} index words {@code automaton} accepts. The exact query is
     * a clause of its own because the expansions are chosen among equals, and a word typed right must never be lost.
     */
    private static Query oneEdit(String token, Query exact, Automaton automaton) {
        var fuzzy = new AutomatonQuery(new Term(TEXT_FIELD_NAME, token), automaton, false,
                new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
        return new BooleanQuery.Builder().add(exact, Occur.SHOULD).add(fuzzy, Occur.SHOULD).build();
    }

    private List<String> tokens(String key) throws IOException {
        var tokens = new ArrayList<String>();
        try (TokenStream ts = queryAnalyzer.tokenStream("", new StringReader(key))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        }
        return tokens;
    }
}
