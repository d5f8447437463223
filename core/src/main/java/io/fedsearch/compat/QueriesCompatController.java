package io.fedsearch.compat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fedsearch.history.QueryHistory;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's query log: the queries of a UTC range (inclusive) that called an arXiv-type provider, with the query
 * string sent to arXiv. GET answers a download ({@code query_data.json}), POST the same list as plain JSON.
 * Timestamps are {@code YYYY-MM-DDTHH:MM:SS} (fractions of a second accepted, as the seed's parser did);
 * a missing or bad one is 422 in FastAPI's shape. Oldest first. Whose queries are listed follows
 * {@code fedsearch.compat.history} ({@link CompatHistoryReaders}).
 */
@RestController
class QueriesCompatController {

    private static final String ARXIV = "arxiv";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final QueryHistory history;
    private final CompatHistoryReaders readers;
    private final List<String> arxivProviders;

    QueriesCompatController(QueryHistory history, CompatHistoryReaders readers, ProviderCatalog catalog) {
        this.history = history;
        this.readers = readers;
        this.arxivProviders = catalog.all().stream().map(ProviderCatalog.Entry::info)
                .filter(info -> info.type().equals(ARXIV)).map(ProviderInfo::id).toList();
    }

    /**
     * One logged arXiv query as the seed answered it.
     *
     * @param status     the arXiv HTTP status stored (calls arXiv never answered are not listed)
     * @param numResults arXiv's totalResults; 0 when it gave none
     */
    record LoggedQuery(String query, String timestamp, Integer status, long numResults) {
    }

    /** The POST body; both fields required. */
    record Range(@JsonProperty("start_timestamp") String startTimestamp,
                 @JsonProperty("end_timestamp") String endTimestamp) {
    }

    @GetMapping("/queries")
    ResponseEntity<?> download(@RequestParam(name = "start_timestamp", required = false) String start,
                               @RequestParam(name = "end_timestamp", required = false) String end,
                               HttpServletRequest request) {
        ResponseEntity<?> refused = readers.refusal(request);
        if (refused != null) return refused;
        var invalid = new FastApiErrors.Invalid();
        LocalDateTime from = parse("query", "start_timestamp", start, invalid);
        LocalDateTime to = parse("query", "end_timestamp", end, invalid);
        if (invalid.any()) return invalid.answer();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("query_data.json").build().toString())
                .body(logged(readers.reader(request), from, to));
    }

    @PostMapping("/queries")
    ResponseEntity<?> list(@RequestBody(required = false) Range body, HttpServletRequest request) {
        ResponseEntity<?> refused = readers.refusal(request);
        if (refused != null) return refused;
        var invalid = new FastApiErrors.Invalid();
        if (body == null) {
            invalid.add("missing", List.of("body"), "Field required", null);
            return invalid.answer();
        }
        LocalDateTime from = parse("body", "start_timestamp", body.startTimestamp(), invalid);
        LocalDateTime to = parse("body", "end_timestamp", body.endTimestamp(), invalid);
        if (invalid.any()) return invalid.answer();
        return ResponseEntity.ok(logged(readers.reader(request), from, to));
    }

    private List<LoggedQuery> logged(CompatHistoryReaders.Reader reader, LocalDateTime from, LocalDateTime to) {
        long fromMs = from.toInstant(ZoneOffset.UTC).toEpochMilli();
        long toMs = to.toInstant(ZoneOffset.UTC).toEpochMilli();
        // Inclusive end: a whole-second bound takes in the whole of that second, as the seed's stored times had none.
        if (to.getNano() == 0) toMs += 999;
        // Only calls arXiv answered: the seed logged a query with arXiv's status, and its clients read an integer.
        return history.callsOfType(ARXIV, readers.readable(reader, arxivProviders), reader.principal(), fromMs, toMs)
                .stream()
                .filter(call -> call.summary().httpStatus() != null)
                .map(call -> new LoggedQuery("ArXiv Query: " + searchQuery(call.summary().upstreamUri()),
                        SECONDS.format(call.timestamp().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)),
                        call.summary().httpStatus(), call.summary().total() == null ? 0 : call.summary().total()))
                .toList();
    }

    /** The URL-decoded {@code search_query} parameter of the URI sent to arXiv; empty when it has none. */
    static String searchQuery(String upstreamUri) {
        String raw = URI.create(upstreamUri).getRawQuery();
        if (raw == null) return "";
        for (String pair : raw.split("&")) {
            if (pair.startsWith("search_query=")) {
                return URLDecoder.decode(pair.substring("search_query=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static LocalDateTime parse(String where, String name, String value, FastApiErrors.Invalid invalid) {
        if (value == null) {
            invalid.add("missing", List.of(where, name), "Field required", null);
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            invalid.add("datetime_from_date_parsing", List.of(where, name),
                    "Input should be a valid datetime or date, " + e.getMessage(), value);
            return null;
        }
    }
}
