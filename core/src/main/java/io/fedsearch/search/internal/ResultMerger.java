package io.fedsearch.search.internal;

import io.fedsearch.provider.SearchHit;
import io.fedsearch.search.SearchResponse.Contribution;
import io.fedsearch.search.SearchResponse.Explain;
import io.fedsearch.search.SearchResponse.Result;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion: a hit at 1-based rank r of a provider with weight w adds w / (60 + r) to its
 * result's score. Hits with the same normalised URL or the same DOI are folded into one result that names every
 * provider that found it and keeps the best-ranked hit's fields, filling its unknown ones from the others.
 */
public final class ResultMerger {

    /** The usual RRF constant: damps the head of each list so no single provider dominates. */
    static final int K = 60;

    /** One provider's ranked hits and its weight. */
    public record Ranked(String provider, double weight, List<SearchHit> hits) {
    }

    private ResultMerger() {
    }

    public static double score(double weight, int rank) {
        return weight / (K + rank);
    }

    public static List<Result> merge(List<Ranked> lists) {
        return merge(lists, false);
    }

    /** As above; with {@code explain} each result carries the contributions its score is the sum of. */
    public static List<Result> merge(List<Ranked> lists, boolean explain) {
        Map<String, Folded> byKey = new HashMap<>();
        var folded = new ArrayList<Folded>();
        for (Ranked list : lists) {
            int rank = 0;
            for (SearchHit hit : list.hits()) {
                rank++;
                double score = score(list.weight(), rank);
                String urlKey = hit.url() == null ? null : "url:" + normaliseUrl(hit.url());
                String doiKey = hit.doi() == null ? null : "doi:" + normaliseDoi(hit.doi());
                Folded into = urlKey == null ? null : byKey.get(urlKey);
                if (into == null && doiKey != null) into = byKey.get(doiKey);
                if (into == null) {
                    into = new Folded(list.provider(), hit, score, explain);
                    folded.add(into);
                } else {
                    into.add(list.provider(), hit, score);
                }
                if (explain) into.explained(new Contribution(list.provider(), rank, list.weight(), score));
                if (urlKey != null) byKey.putIfAbsent(urlKey, into);
                if (doiKey != null) byKey.putIfAbsent(doiKey, into);
            }
        }
        return folded.stream().sorted(Comparator.comparingDouble(Folded::score).reversed()).map(Folded::result).toList();
    }

    /** Scheme and host lower-cased, http and https alike, "www." and default ports, fragment and trailing "/" dropped. */
    static String normaliseUrl(String url) {
        try {
            URI uri = URI.create(url.strip()).normalize();
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) host = host.substring(4);
            int port = uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            boolean defaultPort = port == -1 || port == 80 || port == 443;
            return host + (defaultPort ? "" : ":" + port) + path + query;
        } catch (IllegalArgumentException e) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
    }

    static String normaliseDoi(String doi) {
        String d = doi.strip().toLowerCase(Locale.ROOT);
        for (String prefix : List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")) {
            if (d.startsWith(prefix)) d = d.substring(prefix.length());
        }
        return d;
    }

    private static final class Folded {
        private final LinkedHashMap<String, Boolean> providers = new LinkedHashMap<>();
        private final String bestProvider;
        /** Null unless explained: the default answer pays nothing for explain. */
        private final List<Contribution> contributions;
        private SearchHit hit;
        private double score;

        Folded(String provider, SearchHit hit, double score, boolean explain) {
            this.bestProvider = provider;
            this.hit = hit;
            this.score = score;
            this.contributions = explain ? new ArrayList<>(2) : null;
            providers.put(provider, true);
        }

        void explained(Contribution contribution) {
            contributions.add(contribution);
        }

        void add(String provider, SearchHit other, double more) {
            providers.put(provider, true);
            score += more;
            hit = new SearchHit(hit.id(), or(hit.title(), other.title()), or(hit.url(), other.url()),
                    or(hit.snippet(), other.snippet()), hit.authors().isEmpty() ? other.authors() : hit.authors(),
                    or(hit.published(), other.published()), or(hit.journal(), other.journal()), or(hit.doi(), other.doi()));
        }

        double score() {
            return score;
        }

        Result result() {
            return new Result(bestProvider, List.copyOf(providers.keySet()), hit.id(), hit.title(), hit.url(),
                    hit.snippet(), hit.authors(), hit.published(), hit.journal(), hit.doi(), score,
                    contributions == null ? null : new Explain(K, List.copyOf(contributions)));
        }

        private static String or(String a, String b) {
            return a != null ? a : b;
        }
    }
}
