package io.fedsearch.provider.arxiv;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.HttpSearchProvider;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import java.util.Optional;

/**
 * The arXiv API (export.arxiv.org/api/query): one GET per query, an Atom feed back. Politeness (one call at a
 * time, 3 s apart) is the kind's guard default, not code here.
 *
 * <p>Hits: {@code id} is the versioned arXiv id (2202.12139v1, astro-ph/9904306v1), {@code url} the abstract
 * page, {@code snippet} the abstract cut to about {@value #SNIPPET_CHARS} characters at a word boundary,
 * {@code published} the first version's date-time, {@code journal} arxiv:journal_ref, {@code doi} arxiv:doi.
 */
final class ArxivProvider implements HttpSearchProvider {

    static final int SNIPPET_CHARS = 300;

    private final String id;
    private final String baseUrl;

    ArxivProvider(String id, String baseUrl) {
        this.id = id;
        this.baseUrl = baseUrl;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "arxiv";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.ALL_FIELDS;
    }

    @Override
    public UpstreamRequest request(ProviderQuery query) {
        return UpstreamRequest.get(ArxivSearchQuery.uri(baseUrl, query));
    }

    /**
     * Maps the feed to hits. A 4xx answer (arXiv's 400 comes with its error feed) and an error feed served with any
     * status both become an {@link UpstreamFailureException} carrying arXiv's own message.
     */
    @Override
    public ProviderPage parse(ProviderQuery query, UpstreamResponse response) {
        if (response.status() >= 400) {
            Optional<String> message = ArxivAtomParser.errorMessage(response.body());
            throw new UpstreamFailureException("arXiv answered HTTP " + response.status()
                    + message.map(m -> ": " + m).orElse(""));
        }
        ArxivFeed feed = ArxivAtomParser.parse(response.body());
        feed.error().ifPresent(message -> {
            throw new UpstreamFailureException("arXiv reported an error: " + message);
        });
        return new ProviderPage(feed.totalResults(), feed.entries().stream().map(ArxivProvider::hit).toList());
    }

    static SearchHit hit(ArxivFeed.Entry e) {
        String url = e.abstractUrl() != null ? e.abstractUrl() : e.id().startsWith("http") ? e.id() : null;
        return new SearchHit(e.shortId(), e.title(), url, snippet(e.summary()),
                e.authors().stream().map(ArxivFeed.Author::name).toList(), e.published(), e.journalRef(), e.doi());
    }

    /** The abstract (already whitespace-collapsed) cut at the last space before the limit, with an ellipsis. */
    static String snippet(String summary) {
        if (summary == null || summary.length() <= SNIPPET_CHARS) return summary;
        int cut = summary.lastIndexOf(' ', SNIPPET_CHARS);
        return summary.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS).stripTrailing() + "…";
    }
}
