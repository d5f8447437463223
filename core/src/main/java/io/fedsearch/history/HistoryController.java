package io.fedsearch.history;

import io.fedsearch.access.Caller;
import io.fedsearch.history.HistoryViews.QueriesPage;
import io.fedsearch.history.HistoryViews.QueryView;
import io.fedsearch.history.HistoryViews.ResultsPage;
import io.fedsearch.history.HistoryViews.StoredResultView;
import io.fedsearch.web.ForbiddenException;
import io.fedsearch.web.InvalidParameterException;
import io.fedsearch.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the query history: pages, a streamed export, one query with its results, and stored results. Each is the
 * caller's own: a key reads its principal's queries, the admin key everyone's (or one principal's, with
 * {@code principal}); anonymous callers share one principal and read none (401). Another principal's query is a
 * 404, as if it did not exist. Results are only those the caller may see today ({@link HistoryAccess}).
 */
@RestController
class HistoryController {

    /** Unix seconds accepted for from/to: 0 up to year 5138; keeps the millisecond arithmetic exact. */
    private static final long MAX_SECONDS = 100_000_000_000L;
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private static final String PRINCIPAL_HELP = "admin key only: only this principal's queries; a key reads its own";

    private final QueryHistory history;
    private final QueryLog log;
    private final HistoryAccess access;
    private final JsonMapper json;

    HistoryController(QueryHistory history, QueryLog log, HistoryAccess access, JsonMapper json) {
        this.history = history;
        this.log = log;
        this.access = access;
        this.json = json;
    }

    /**
     * Whose queries the caller reads: its own principal, or for the admin key the one asked for (null = everyone's).
     *
     * @throws KeyRequiredException for an anonymous caller
     * @throws ForbiddenException   when a non-admin key names another principal
     */
    static String readable(Caller caller, String principal) {
        if (caller.anonymous()) throw new KeyRequiredException();
        String asked = principal == null || principal.isBlank() ? null : principal.strip();
        if (asked != null && asked.length() > 64) {
            throw new InvalidParameterException("principal", "principal must be at most 64 characters");
        }
        if (caller.admin()) return asked;
        if (asked != null && !asked.equals(caller.principal())) {
            throw new ForbiddenException("only the admin key reads another principal's history");
        }
        return caller.principal();
    }

    /** [fromMs, toMs] from inclusive unix seconds; the default is the 24 h before {@code to} (default now). */
    record Range(long fromMs, long toMs) {

        static Range of(String fromText, String toText) {
            Long from = number("from", fromText);
            Long to = number("to", toText);
            check("from", from);
            check("to", to);
            long end = to != null ? to : System.currentTimeMillis() / 1000;
            long start = from != null ? from : Math.max(0, end - DEFAULT_WINDOW.toSeconds());
            if (start > end) throw new InvalidParameterException("from", "from must not be after to");
            return new Range(start * 1000, end * 1000 + 999);
        }

        private static void check(String name, Long seconds) {
            if (seconds != null && (seconds < 0 || seconds > MAX_SECONDS)) {
                throw new InvalidParameterException(name, name + " must be unix seconds from 0 to " + MAX_SECONDS);
            }
        }
    }

    /**
     * A whole-number parameter, null when absent. Parsed here rather than by Spring's conversion so the 400 always
     * names the parameter, whichever exception advice wins.
     */
    static Long number(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a whole number, not '" + value + "'");
        }
    }

    private static int number(String name, String value, int fallback) {
        Long n = number(name, value);
        if (n == null) return fallback;
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) throw new InvalidParameterException(name, name + " is out of range");
        return n.intValue();
    }

    @Operation(summary = "Stored queries, newest first, paged with an opaque cursor")
    @GetMapping("/api/v1/queries")
    QueriesPage queries(
            @Parameter(description = "unix seconds, inclusive; default 24 h before to",
                    schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String from,
            @Parameter(description = "unix seconds, inclusive; default now",
                    schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String to,
            @Parameter(description = "1..1000", schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String limit,
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = PRINCIPAL_HELP) @RequestParam(required = false) String principal,
            HttpServletRequest request) {
        String whose = readable(Caller.of(request), principal);
        Range range = Range.of(from, to);
        int max = number("limit", limit, 100);
        if (max < 1 || max > 1000) throw new InvalidParameterException("limit", "limit must be from 1 to 1000");
        var after = cursor == null ? QueryHistory.Position.NEWEST : Cursors.decode(cursor);
        var slice = history.newestFirst(whose, range.fromMs(), range.toMs(), after, max);
        return new QueriesPage(slice.records().stream().map(r -> QueryView.of(r, false)).toList(),
                slice.next() == null ? null : Cursors.encode(slice.next()));
    }

    /**
     * The whole range as one JSON array, oldest first, written while it is read from the database (constant
     * memory). Written on the request's own (virtual) thread rather than as an async StreamingResponseBody, so no
     * async request timeout cuts a long export short. A failure mid-way ends the connection with an unfinished
     * array, which no client can mistake for a whole one.
     */
    @Operation(summary = "Every stored query in a range as a JSON download, streamed")
    @GetMapping("/api/v1/queries/export")
    void export(
            @Parameter(description = "unix seconds, inclusive; default 24 h before to",
                    schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String from,
            @Parameter(description = "unix seconds, inclusive; default now", schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String to,
            @Parameter(description = PRINCIPAL_HELP) @RequestParam(required = false) String principal,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        String whose = readable(Caller.of(request), principal);
        Range range = Range.of(from, to);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("queries-" + range.fromMs() / 1000 + "-" + range.toMs() / 1000 + ".json").build().toString());
        OutputStream out = response.getOutputStream();
        try (SequenceWriter array = json.writer().writeValuesAsArray(out)) {
            history.forEachOldestFirst(whose, range.fromMs(), range.toMs(), r -> array.write(QueryView.of(r, false)));
        }
    }

    @Operation(summary = "One stored query with its results")
    @GetMapping("/api/v1/queries/{query_id}")
    QueryView query(@PathVariable("query_id") String id, HttpServletRequest request) {
        Caller caller = Caller.of(request);
        String whose = readable(caller, null);
        Long queryId = number("query_id", id);
        if (queryId == null) throw new InvalidParameterException("query_id", "query_id must be a whole number");
        // Another principal's query answers exactly as a missing one, so ids cannot be probed.
        QueryRecord found = log.find(queryId).filter(r -> whose == null || whose.equals(r.principal()))
                .orElseThrow(() -> new NotFoundException("no query with id " + queryId));
        List<QueryRecord.ResultRow> visible = access.visible(caller, found.results(), row -> row);
        return QueryView.of(new QueryRecord(found.queryId(), found.timestamp(), found.principal(), found.origin(),
                found.q(), found.author(), found.title(), found.journal(), found.providers(), found.tookMs(), visible),
                true);
    }

    @Operation(summary = "Stored results, filtered (case-insensitive substrings) and paged, newest query first",
            description = "total counts matching results up to 10,000 (fedsearch.history.result-window); past that"
                    + " total is 10000 and total_exact false. Pages reach the first 10,000 results of a filter.")
    @GetMapping("/api/v1/results")
    ResultsPage results(
            @Parameter(description = "only this query's results (then from/to default to all time)",
                    schema = @Schema(implementation = Long.class))
            @RequestParam(name = "query_id", required = false) String queryIdText,
            @Parameter(description = "provider id, exact") @RequestParam(required = false) String provider,
            @Parameter(description = "substring of any author") @RequestParam(required = false) String author,
            @Parameter(description = "substring of the title") @RequestParam(required = false) String title,
            @Parameter(description = "substring of the journal") @RequestParam(required = false) String journal,
            @Parameter(description = "unix seconds, inclusive; default 24 h before to",
                    schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String from,
            @Parameter(description = "unix seconds, inclusive; default now",
                    schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String to,
            @Parameter(description = "from 1; pages reach the first 10000 results (narrow from/to to reach further)",
                    schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String page,
            @Parameter(description = "1..1000", schema = @Schema(implementation = Long.class))
            @RequestParam(required = false) String size,
            @Parameter(description = PRINCIPAL_HELP) @RequestParam(required = false) String principal,
            HttpServletRequest request) {
        Caller caller = Caller.of(request);
        String whose = readable(caller, principal);
        Long queryId = number("query_id", queryIdText);
        Range range = queryId != null && from == null && to == null ? new Range(0, Long.MAX_VALUE) : Range.of(from, to);
        int p = number("page", page, 1);
        int n = number("size", size, 50);
        if (n < 1 || n > 1000) throw new InvalidParameterException("size", "size must be from 1 to 1000");
        if (p < 1) throw new InvalidParameterException("page", "page must be 1 or more");
        long offset = (long) (p - 1) * n;
        int window = history.resultWindow();
        if (offset >= window) {
            throw new InvalidParameterException("page", "page starts past the first " + window + " results of this"
                    + " filter: narrow from/to to reach further (or read it whole with /api/v1/queries/export)");
        }
        var filter = new QueryHistory.ResultFilter(queryId, text("provider", provider), text("author", author),
                text("title", title), text("journal", journal), range.fromMs(), range.toMs(), whose,
                caller.admin() ? null : access.readableProviders(caller));
        var found = history.results(filter, offset, (int) Math.min(n, window - offset));
        // Item-level rights are the provider's to tell, per item, so they are applied to the page read: a page may
        // then hold fewer than size results, and total counts items before that check.
        return new ResultsPage(found.total(), found.exact(), p, n,
                access.visible(caller, found.results(), QueryHistory.StoredResult::row).stream()
                        .map(StoredResultView::of).toList());
    }

    /** Trimmed filter text, null when absent or blank; at most 500 characters. */
    private static String text(String name, String value) {
        if (value == null || value.isBlank()) return null;
        String trimmed = value.strip();
        if (trimmed.length() > 500) throw new InvalidParameterException(name, name + " must be at most 500 characters");
        return trimmed;
    }
}
