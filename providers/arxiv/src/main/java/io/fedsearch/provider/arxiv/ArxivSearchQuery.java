package io.fedsearch.provider.arxiv;

import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamFailureException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a query into an arXiv API URL: {@code q} searches {@code all:}, {@code author} {@code au:}, {@code title}
 * {@code ti:}, {@code journal} {@code jr:}, joined with {@code AND}. arXiv ORs the words of an unquoted value, so
 * any value that is not one plain word is sent as a quoted phrase ({@code au:"John Smith"}); double quotes inside a
 * value are dropped so they cannot end the phrase. Page and size become {@code start} and {@code max_results}.
 */
final class ArxivSearchQuery {

    /** arXiv answers at most this many results per call. */
    static final int MAX_PER_CALL = 2_000;
    /** arXiv serves no result past this position (start + max_results). */
    static final int MAX_REACH = 30_000;

    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}._-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ArxivSearchQuery() {
    }

    /**
     * The whole request URL.
     *
     * @throws UpstreamFailureException when the page lies beyond what arXiv serves (reported as this provider's
     *                                  error; nothing is sent)
     */
    static URI uri(String baseUrl, ProviderQuery query) {
        long start = Math.max(0, (long) query.page() - 1) * query.size();
        if (query.size() > MAX_PER_CALL) {
            throw new UpstreamFailureException("arXiv serves at most 2,000 results a call: size too large");
        }
        if (start + query.size() > MAX_REACH) {
            throw new UpstreamFailureException("arXiv serves at most 30,000 results: page*size too large");
        }
        String separator = baseUrl.contains("?") ? "&" : "?";
        return URI.create(baseUrl + separator + "search_query=" + encode(searchQuery(query))
                + "&start=" + start + "&max_results=" + query.size());
    }

    /** The search_query value before URL encoding, e.g. {@code au:"John Smith" AND ti:quantum}. */
    static String searchQuery(ProviderQuery query) {
        var terms = new ArrayList<String>();
        add(terms, "all", query.q());
        add(terms, "au", query.author());
        add(terms, "ti", query.title());
        add(terms, "jr", query.journal());
        if (terms.isEmpty()) {
            throw new UpstreamFailureException("nothing to search arXiv for");
        }
        return String.join(" AND ", terms);
    }

    private static void add(List<String> terms, String prefix, String value) {
        if (value == null) return;
        String cleaned = WHITESPACE.matcher(value.replace('"', ' ')).replaceAll(" ").strip();
        if (cleaned.isEmpty()) return;
        terms.add(prefix + ":" + (PLAIN_WORD.matcher(cleaned).matches() ? cleaned : "\"" + cleaned + "\""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
