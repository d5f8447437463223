package io.fedsearch.compat;

import io.fedsearch.access.Caller;
import io.fedsearch.provider.InvalidConfigurationException;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.search.ProviderOutcome;
import io.fedsearch.search.SearchRequest;
import io.fedsearch.search.SearchService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's {@code GET /arxiv}: the given filters, joined by AND, sent to the arXiv provider through the
 * federated search (so the query and its results are recorded like any other), answered in the seed's shape.
 * Errors keep the seed's statuses: 422 FastAPI-style for a bad parameter, 400 {"detail"} when no filter is given.
 * When arXiv gives no answer the reply is an error {"detail"} (see {@link #failure}), never a made-up count.
 */
@RestController
class ArxivCompatController {

    static final int DEFAULT_MAX_RESULTS = 8;
    /** arXiv's own cap per call; more is refused here rather than sent. */
    static final int MAX_RESULTS_CAP = 2_000;
    static final int MAX_TEXT = 500;

    /** The seed's answer; {@code timestamp} in unix seconds with microseconds, like Python's time.time(). */
    record ArxivAnswer(BigDecimal timestamp, int status, long numResults, int numEntries) {
    }

    private final SearchService search;
    private final ProviderCatalog catalog;
    private final String providerId;

    ArxivCompatController(SearchService search, ProviderCatalog catalog, CompatProperties properties) {
        this.search = search;
        this.catalog = catalog;
        this.providerId = provider(catalog, properties.arxivProvider());
    }

    /** The configured id (checked), else the first arxiv-type provider, else null (then /arxiv answers 503). */
    private static String provider(ProviderCatalog catalog, String configured) {
        if (configured == null || configured.isBlank()) {
            return catalog.firstOfType("arxiv").map(e -> e.info().id()).orElse(null);
        }
        return catalog.find(configured.strip()).filter(e -> e.info().type().equals("arxiv"))
                .map(e -> e.info().id())
                .orElseThrow(() -> new InvalidConfigurationException("fedsearch.compat.arxiv-provider", configured,
                        "the id of a configured provider of type arxiv"));
    }

    @Operation(summary = "Seed-compatible arXiv query",
            description = "Queries arXiv with the given filters joined by AND, records the query and its results, and "
                    + "answers {timestamp, status, num_results, num_entries}. 422 for a bad parameter, 400 when no "
                    + "filter is given, 502/503/504 when arXiv gave no answer.")
    @GetMapping("/arxiv")
    ResponseEntity<?> arxiv(
            @Parameter(description = "author filter, non-empty") @RequestParam(required = false) String author,
            @Parameter(description = "title filter, non-empty") @RequestParam(required = false) String title,
            @Parameter(description = "journal filter, non-empty") @RequestParam(required = false) String journal,
            @Parameter(description = "1..2000, default 8") @RequestParam(name = "max_results", required = false) String maxResults,
            HttpServletRequest http) {
        var invalid = new FastApiErrors.Invalid();
        for (String[] filter : new String[][]{{"author", author}, {"title", title}, {"journal", journal}}) {
            checkText(invalid, filter[0], filter[1]);
        }
        int max = DEFAULT_MAX_RESULTS;
        if (maxResults != null) {
            BigInteger value = invalid.integer("max_results", maxResults, 1, (long) MAX_RESULTS_CAP);
            if (value != null) max = value.intValueExact();
        }
        if (invalid.any()) return invalid.answer();
        if (author == null && title == null && journal == null) {
            return FastApiErrors.detail(HttpStatus.BAD_REQUEST, "At least one of author, title or journal is required");
        }
        if (providerId == null) {
            return FastApiErrors.detail(HttpStatus.SERVICE_UNAVAILABLE, "no arXiv provider is configured");
        }
        ProviderInfo info = catalog.find(providerId).orElseThrow().info();
        var request = new SearchRequest(null, strip(author), strip(title), strip(journal), List.of(providerId), true,
                1, max, info.timeout());
        ProviderOutcome outcome = search.search(request, Caller.of(http), "arxiv").outcomes().getFirst();
        if (outcome instanceof ProviderOutcome.Succeeded ok) {
            int entries = ok.page().hits().size();
            Integer status = ok.trace().httpStatus();
            Long total = ok.page().total();
            return ResponseEntity.ok(new ArxivAnswer(now(), status == null ? 200 : status,
                    total == null ? entries : total, entries));
        }
        return failure(outcome);
    }

    /**
     * No answer from arXiv: 504 when it did not answer in time, 503 when it was not called (circuit open,
     * suspended after a 429/503, no call slot, provider disabled), 403 when the caller may not use it, and 502
     * when it failed (unreachable, an HTTP error, an error feed, a malformed feed), with arXiv's message.
     */
    private static ResponseEntity<?> failure(ProviderOutcome outcome) {
        String error = outcome instanceof ProviderOutcome.Failed f ? f.error() : null;
        return switch (outcome.status()) {
            case TIMEOUT -> FastApiErrors.detail(HttpStatus.GATEWAY_TIMEOUT, "arXiv did not answer in time: " + error);
            case CIRCUIT_OPEN, REJECTED -> FastApiErrors.detail(HttpStatus.SERVICE_UNAVAILABLE,
                    "arXiv is not being called right now: " + error);
            case DISABLED -> FastApiErrors.detail(HttpStatus.SERVICE_UNAVAILABLE, "the arXiv provider is disabled");
            case NOT_ENTITLED -> FastApiErrors.detail(HttpStatus.FORBIDDEN, "not entitled to the arXiv provider");
            default -> FastApiErrors.detail(HttpStatus.BAD_GATEWAY,
                    error != null && error.startsWith("arXiv") ? error : "arXiv request failed: " + error);
        };
    }

    /** Notes a given filter that is blank or too long (FastAPI's min_length=1 / max_length=500). */
    private static void checkText(FastApiErrors.Invalid invalid, String name, String value) {
        if (value == null) return;
        if (value.isBlank()) {
            invalid.query(name, "String should have at least 1 character", "string_too_short", value);
        } else if (value.strip().length() > MAX_TEXT) {
            invalid.query(name, "String should have at most " + MAX_TEXT + " characters", "string_too_long", value);
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static BigDecimal now() {
        Instant now = Instant.now();
        return BigDecimal.valueOf(now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000, 6);
    }
}
