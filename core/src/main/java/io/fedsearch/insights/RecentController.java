package io.fedsearch.insights;

import io.fedsearch.access.Caller;
import io.fedsearch.access.FeatureFlags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Insights")
class RecentController {

    record RecentQueries(List<RecentQuery> queries) {
    }

    record RecentClicks(List<OpenedResult> results) {
    }

    private final RecentService recent;
    private final FeatureFlags flags;

    RecentController(RecentService recent, FeatureFlags flags) {
        this.recent = recent;
        this.flags = flags;
    }

    @GetMapping("/api/v1/me/recent-queries")
    @Operation(summary = "The caller's last 5 distinct queries, newest first",
            description = "Same text and filters (ignoring case) count once. Anonymous callers share one principal "
                    + "and get an empty list. 404 when the 'recent' feature is off.")
    RecentQueries recentQueries(HttpServletRequest request) {
        flags.require("recent");
        return new RecentQueries(recent.queries(Caller.of(request)));
    }

    @GetMapping("/api/v1/me/recent-clicks")
    @Operation(summary = "The last 5 results the caller opened, newest first, duplicates folded",
            description = "Only results of providers the caller may still use are shown. 404 when 'recent' is off.")
    RecentClicks recentClicks(HttpServletRequest request) {
        flags.require("recent");
        return new RecentClicks(recent.clicks(Caller.of(request)));
    }
}
