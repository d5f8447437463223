package io.fedsearch.insights;

import java.io.IOException;
import java.io.StringReader;
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
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * Lucene's infix suggester (every word of an entry is a starting point: "neutr" finds "solar neutrinos"), in memory,
 * plus a second lookup that forgives one edit (insertion, deletion, substitution or transposition) per word over the
 * same index. The fuzzy lookup is a separate call so exact matches can always be ranked above typo matches.
 */
final class TypoTolerantInfixSuggester extends AnalyzingInfixSuggester {

    /** Words shorter than this are matched exactly: one edit on two letters matches nearly everything. */
    static final int MIN_FUZZY_LENGTH = 3;
    /** Unfinished words shorter than this are matched as exact prefixes: "ab" + one edit + anything is too wide. */
    static final int MIN_FUZZY_PREFIX_LENGTH = 4;
    /** At most this many index words stand in for one typed word (bounds the cost of a lookup). */
    static final int MAX_EXPANSIONS = 50;

    private static final Sort BY_WEIGHT = new Sort(new SortField("weight", SortField.Type.LONG, true));

    TypoTolerantInfixSuggester(Analyzer analyzer) throws IOException {
        // edge n-grams below 4 letters; no commit on build; all words required; no highlight; writer kept open for update().
        super(new ByteBuffersDirectory(), analyzer, analyzer, DEFAULT_MIN_PREFIX_CHARS, false, true, false, false);
    }

    /**
     * Entries whose words each match a word of the key within one edit; the key's last word may be unfinished
     * (matched as a prefix within one edit). Highest weight first.
     */
    List<LookupResult> fuzzyLookup(String key, int num) throws IOException {
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

    private static org.apache.lucene.search.Query fuzzyWord(String token) {
        if (token.length() < MIN_FUZZY_LENGTH) {
            return new TermQuery(new Term(TEXT_FIELD_NAME, token));
        }
        return new FuzzyQuery(new Term(TEXT_FIELD_NAME, token), 1, 0, MAX_EXPANSIONS, true);
    }

    private org.apache.lucene.search.Query fuzzyPrefix(String token) throws IOException {
        if (token.length() < MIN_FUZZY_PREFIX_LENGTH) {
            return getLastTokenQuery(token);
        }
        Automaton oneEdit = new LevenshteinAutomata(token, true).toAutomaton(1);
        Automaton prefix = Operations.determinize(Operations.concatenate(List.of(oneEdit, Automata.makeAnyString())),
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
        return new AutomatonQuery(new Term(TEXT_FIELD_NAME, token), prefix, false,
                new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
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
