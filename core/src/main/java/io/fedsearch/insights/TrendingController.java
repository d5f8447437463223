package io.fedsearch.insights;

import io.fedsearch.access.Caller;
import io.fedsearch.access.FeatureFlags;
import io.fedsearch.web.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Insights")
class TrendingController {

    private final TrendingService trending;
    private final FeatureFlags flags;

    TrendingController(TrendingService trending, FeatureFlags flags) {
        this.trending = trending;
        this.flags = flags;
    }

    @GetMapping("/api/v1/trending")
    @Operation(summary = "The most-opened results over the last days, only those the caller may see",
            description = "Counted from recorded clicks (POST /api/v1/clicks), most opened first. Counts are at most "
                    + "an hour old (computed_at says when); the answer per caller is reused for up to 30 s. "
                    + "404 when the 'trending' feature is off.")
    TrendingService.Trending trending(
            @Parameter(description = "window in days, 1..30") @RequestParam(defaultValue = "7") int days,
            @Parameter(description = "results, 1..20") @RequestParam(defaultValue = "5") int limit,
            HttpServletRequest request) {
        flags.require("trending");
        if (days < 1 || days > 30) throw new InvalidParameterException("days", "days must be 1..30, not " + days);
        if (limit < 1 || limit > 20) throw new InvalidParameterException("limit", "limit must be 1..20, not " + limit);
        return trending.trending(Caller.of(request), days, limit);
    }
}
