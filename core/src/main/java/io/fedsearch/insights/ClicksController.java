package io.fedsearch.insights;

import io.fedsearch.access.Caller;
import io.fedsearch.access.FeatureFlags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Insights")
class ClicksController {

    private final ClickService clicks;
    private final FeatureFlags flags;

    ClicksController(ClickService clicks, FeatureFlags flags) {
        this.clicks = clicks;
        this.flags = flags;
    }

    @PostMapping("/api/v1/clicks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the caller opened a result of one of its own queries",
            description = "Body {query_id, provider, result_id}. Answers 201 with the stored result. 400 names the "
                    + "parameter when the query or the result is unknown; 403 when the query is another principal's. "
                    + "Refused (404) only when both the 'recent' and 'trending' features are switched off.")
    OpenedResult click(@RequestBody(required = false) ClickRequest body, HttpServletRequest request) {
        if (!flags.enabled("recent")) flags.require("trending");
        return clicks.record(Caller.of(request), body);
    }
}
