package io.fedsearch.insights;

import io.fedsearch.access.Caller;
import io.fedsearch.access.FeatureFlags;
import io.fedsearch.web.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Insights")
class SuggestController {

    /** @param suggestions best first: exact (prefix or infix) matches, then one-typo matches */
    record Suggestions(String prefix, List<SuggestEngine.Suggestion> suggestions) {
    }

    private final SuggestService suggest;
    private final FeatureFlags flags;

    SuggestController(SuggestService suggest, FeatureFlags flags) {
        this.suggest = suggest;
        this.flags = flags;
    }

    @GetMapping("/api/v1/suggest")
    @Operation(summary = "Completions from past queries and reference data",
            description = "Any word may match (infix: 'neutr' finds 'solar neutrinos'); the last word may be "
                    + "unfinished; one typo per word is forgiven. Past queries rank by how often they were asked, "
                    + "halving per week since last asked; reference entries (arXiv categories, countries, regions, "
                    + "capitals, currencies) score 0.5. source is 'history' or 'reference'. Past queries offered are "
                    + "the caller's own (anonymous callers share one principal) and others' asked by at least "
                    + "fedsearch.insights.suggest-min-principals (3) principals of public providers only. "
                    + "404 when 'suggest' is off.")
    Suggestions suggest(
            @Parameter(description = "what the user typed so far, 2..100 characters") @RequestParam(required = false) String prefix,
            @Parameter(description = "completions, 1..50") @RequestParam(defaultValue = "10") int limit,
            HttpServletRequest request) {
        flags.require("suggest");
        String p = prefix == null ? "" : prefix.strip();
        if (p.length() < 2 || p.length() > 100) {
            throw new InvalidParameterException("prefix", "prefix must be 2..100 characters");
        }
        if (limit < 1 || limit > 50) throw new InvalidParameterException("limit", "limit must be 1..50, not " + limit);
        // The raw prefix keeps a trailing space, which tells the engine the last word is finished.
        String key = prefix.length() > p.length() && Character.isWhitespace(prefix.charAt(prefix.length() - 1)) ? p + " " : p;
        return new Suggestions(p, suggest.suggest(Caller.of(request), key, limit));
    }
}
