package io.fedsearch.compat;

import io.fedsearch.history.QueryHistory;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's stored arXiv results (those of the configured providers of type arxiv), oldest first, paged from 0.
 * {@code author} is the result's authors joined with ", " (the seed kept one author string per result); a value not
 * known is null. Whose results are read follows {@code fedsearch.compat.history} ({@link CompatHistoryReaders}); item
 * rights are applied to the page read, which may then hold fewer rows. {@code page} >= 0 and
 * {@code items_per_page} 1..1000, else 422 in FastAPI's shape; a page past the end is {@code []}.
 */
@RestController
class ResultsCompatController {

    private static final int MAX_PER_PAGE = 1000;

    private final QueryHistory history;
    private final CompatHistoryReaders readers;
    private final List<String> arxivProviders;

    ResultsCompatController(QueryHistory history, CompatHistoryReaders readers, ProviderCatalog catalog) {
        this.history = history;
        this.readers = readers;
        this.arxivProviders = catalog.all().stream().map(ProviderCatalog.Entry::info)
                .filter(info -> info.type().equals("arxiv")).map(ProviderInfo::id).toList();
    }

    record StoredArxivResult(String author, String title, String journal) {
    }

    @GetMapping("/results")
    ResponseEntity<?> results(@RequestParam(defaultValue = "0") String page,
                              @RequestParam(name = "items_per_page", defaultValue = "10") String itemsPerPage,
                              HttpServletRequest request) {
        ResponseEntity<?> refused = readers.refusal(request);
        if (refused != null) return refused;
        var invalid = new FastApiErrors.Invalid();
        BigInteger p = invalid.integer("page", page, 0, null);
        BigInteger n = invalid.integer("items_per_page", itemsPerPage, 1, (long) MAX_PER_PAGE);
        if (invalid.any()) return invalid.answer();
        // Python's ints have no size, so FastAPI takes any page; one past every stored row is simply empty.
        BigInteger offset = p.multiply(n);
        if (offset.bitLength() >= Long.SIZE - 1) return ResponseEntity.ok(List.of());
        var reader = readers.reader(request);
        var stored = history.resultsOf(readers.readable(reader, arxivProviders), reader.principal(), offset.longValue(),
                n.intValue());
        List<StoredArxivResult> rows = readers.access().visible(reader.as(), stored, QueryHistory.StoredResult::row)
                .stream()
                .map(s -> new StoredArxivResult(s.row().authors().isEmpty() ? null : String.join(", ", s.row().authors()),
                        s.row().title(), s.row().journal()))
                .toList();
        return ResponseEntity.ok(rows);
    }
}
