package io.fedsearch.compat;

import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.VerbatimSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's {@code GET /search?q=&page=1&size=10} over the messages provider: {@code q} a case-insensitive
 * substring of the message, taken as given (not trimmed; missing or empty = every message); upstream order; items
 * exactly as the upstream gave them. Parameters are checked as FastAPI did (422 with a {@code detail} list; when
 * both are wrong only page's error is listed). {@code page} is any integer from 1 (even past the range of a long:
 * such pages are simply past the end); a page past the end is 200 with no results.
 */
@RestController
class MessagesCompatController {

    private static final BigInteger MAX_OFFSET = BigInteger.valueOf(Long.MAX_VALUE);

    private final CompatMessages messages;

    MessagesCompatController(CompatMessages messages) {
        this.messages = messages;
    }

    @Operation(summary = "Seed-compatible message search",
            description = "Case-insensitive substring of the message, upstream order, the upstream's items verbatim.")
    @GetMapping("/search")
    ResponseEntity<?> search(
            @Parameter(description = "substring of the message, any case; not trimmed; missing or empty = all") @RequestParam(required = false) String q,
            // Read as text (not defaultValue, which would also replace an empty value): FastAPI rejects page= as int_parsing.
            @Parameter(description = "integer >= 1, default 1") @RequestParam(name = "page", required = false) String pageText,
            @Parameter(description = "integer 1..100, default 10") @RequestParam(name = "size", required = false) String sizeText) {
        String page = pageText == null ? "1" : pageText;
        String size = sizeText == null ? "10" : sizeText;
        var invalid = new FastApiErrors.Invalid();
        BigInteger pageNumber = invalid.integer("page", page, 1, null);
        BigInteger sizeNumber = invalid.integer("size", size, 1, 100L);
        if (invalid.any()) return invalid.answer();
        Optional<VerbatimSearch> provider = messages.provider();
        if (provider.isEmpty()) {
            return FastApiErrors.detail(HttpStatus.SERVICE_UNAVAILABLE, "no messages provider is configured and enabled");
        }
        int limit = sizeNumber.intValueExact();
        // Any offset a long cannot hold is past the end of any index.
        BigInteger offset = pageNumber.subtract(BigInteger.ONE).multiply(sizeNumber);
        VerbatimSearch.Page found;
        try {
            found = provider.get().find(q, offset.min(MAX_OFFSET).longValueExact(), limit);
        } catch (UpstreamFailureException e) {
            return FastApiErrors.detail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body(found, pageNumber, limit));
    }

    /** {"total":T,"page":P,"size":S,"results":[items verbatim]}, written by hand to keep each item's bytes as is. */
    private static byte[] body(VerbatimSearch.Page found, BigInteger page, int size) {
        var out = new ByteArrayOutputStream(256 + found.items().size() * 256);
        out.writeBytes(("{\"total\":" + found.total() + ",\"page\":" + page + ",\"size\":" + size + ",\"results\":[")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < found.items().size(); i++) {
            if (i > 0) out.write(',');
            out.writeBytes(found.items().get(i));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
