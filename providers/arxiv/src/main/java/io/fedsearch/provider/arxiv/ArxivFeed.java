package io.fedsearch.provider.arxiv;

import java.util.List;
import java.util.Optional;

/**
 * One arXiv API answer as parsed, before it is mapped to search hits: everything the Atom feed says that we use.
 *
 * @param title        the feed title ("arXiv Query: ..." now, "ArXiv Query: ..." before 2025-11), whitespace collapsed
 * @param totalResults opensearch:totalResults, the whole result count for the query; null when absent
 * @param startIndex   opensearch:startIndex; null when absent
 * @param itemsPerPage opensearch:itemsPerPage; null when absent
 * @param entries      the entries in feed order; entries without an id are left out
 */
record ArxivFeed(String title, Long totalResults, Integer startIndex, Integer itemsPerPage, List<Entry> entries) {

    ArxivFeed {
        entries = List.copyOf(entries);
    }

    /**
     * arXiv's own error message when this is its error feed (one entry titled "Error" whose id points into
     * arxiv.org/api/errors, its summary the message), else empty.
     */
    Optional<String> error() {
        return entries.stream().filter(Entry::isError).findFirst()
                .map(e -> e.summary() == null || e.summary().isEmpty() ? e.id() : e.summary());
    }

    /**
     * One paper. Text is whitespace-collapsed; values the feed does not give are null (lists empty).
     *
     * @param id              the Atom id, the versioned abstract URL (http://arxiv.org/abs/2202.12139v1)
     * @param published       first version's date-time, ISO-8601 as arXiv gave it
     * @param updated         this version's date-time, ISO-8601 as arXiv gave it
     * @param abstractUrl     the link with rel="alternate" (type text/html or none): the abstract page
     * @param pdfUrl          the link titled "pdf" or typed application/pdf
     * @param journalRef      arxiv:journal_ref
     * @param doi             arxiv:doi
     * @param primaryCategory arxiv:primary_category's term (cs.SE, hep-ph, ...)
     * @param categories      every atom:category term, in feed order
     */
    record Entry(String id, String title, String summary, List<Author> authors, String published, String updated,
                 String abstractUrl, String pdfUrl, String journalRef, String doi, String primaryCategory,
                 List<String> categories, String comment) {

        Entry {
            authors = List.copyOf(authors);
            categories = List.copyOf(categories);
        }

        /** The id without the abstract URL prefix: 2202.12139v1, astro-ph/9904306v1; the whole id otherwise. */
        String shortId() {
            int at = id.indexOf("/abs/");
            return at < 0 ? id : id.substring(at + "/abs/".length());
        }

        boolean isError() {
            return id.contains("arxiv.org/api/errors") || "Error".equals(title) && authors.size() == 1
                    && "arXiv api core".equals(authors.getFirst().name());
        }
    }

    /** An author, with the affiliations arXiv lists for them (often none). */
    record Author(String name, List<String> affiliations) {

        Author {
            affiliations = List.copyOf(affiliations);
        }
    }
}
