package io.fedsearch.search;

import io.fedsearch.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @Operation(summary = "Federated search",
            description = "Fans out to every provider the caller may use, each under its own deadline; "
                    + "providers that fail or miss the deadline are reported per provider in the same 200 answer. "
                    + "The Server-Timing header gives each provider's time in ms (desc: its status when not ok).")
    @GetMapping("/api/v1/search")
    SearchResponse search(
            @Parameter(description = "free text, 1..500 characters after trimming") @RequestParam(required = false) String q,
            @Parameter(description = "author filter") @RequestParam(required = false) String author,
            @Parameter(description = "title filter") @RequestParam(required = false) String title,
            @Parameter(description = "journal filter") @RequestParam(required = false) String journal,
            @Parameter(description = "comma list of provider ids; default every enabled, non-slow provider the caller may use")
            @RequestParam(required = false) String providers,
            @Parameter(description = "also ask providers marked slow") @RequestParam(name = "include_slow", defaultValue = "false") boolean includeSlow,
            @Parameter(description = "1..1000") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1..100, per provider") @RequestParam(defaultValue = "10") int size,
            @Parameter(description = "50..10000 ms; default fedsearch.search.default-timeout") @RequestParam(name = "timeout_ms", required = false) Integer timeoutMs,
            @Parameter(description = "true: each merged result gets an 'explain' object, the per-provider contributions (provider, rank, weight, weight / (60 + rank)) that add up to its score")
            @RequestParam(defaultValue = "false") boolean explain,
            HttpServletRequest http, HttpServletResponse response) {
        var request = SearchRequest.of(q, author, title, journal, providers, includeSlow, page, size, timeoutMs,
                search.defaultTimeout(), explain);
        SearchResponse answer = search.search(request, Caller.of(http));
        response.setHeader(ServerTiming.HEADER, ServerTiming.of(answer.providers()));
        return answer;
    }
}
