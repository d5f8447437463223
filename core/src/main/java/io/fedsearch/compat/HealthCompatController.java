package io.fedsearch.compat;

import io.fedsearch.provider.VerbatimSearch;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's {@code GET /} health answer, always 200: {@code {"status":"ok"}}, or {@code "degraded"} while the
 * messages provider behind {@code /search} has no index yet or serves an older one after a failed refresh.
 * The full picture is at {@code /actuator/health}.
 */
@RestController
class HealthCompatController {

    private final CompatMessages messages;

    HealthCompatController(CompatMessages messages) {
        this.messages = messages;
    }

    @Operation(summary = "Seed-compatible health: ok or degraded")
    @GetMapping("/")
    Map<String, String> health() {
        boolean degraded = messages.provider().map(VerbatimSearch::degradedReason).isPresent();
        return Map.of("status", degraded ? "degraded" : "ok");
    }
}
