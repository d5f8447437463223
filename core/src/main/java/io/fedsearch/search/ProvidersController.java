package io.fedsearch.search;

import io.fedsearch.access.Caller;
import io.fedsearch.provider.IndexedSearchProvider;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.resilience.GuardSnapshot;
import io.fedsearch.resilience.ProviderGuards;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProvidersController {

    /**
     * One provider as listed.
     *
     * @param circuit  closed, open, half_open or suspended (after an upstream 429/503)
     * @param degraded why an indexed provider serves an older index, null when healthy
     */
    record ProviderView(String id, String type, boolean enabled, boolean slow, @com.fasterxml.jackson.annotation.JsonProperty("public") boolean publicAccess,
                        String circuit, long calls, long errors, long timeouts, double p50Ms, double p95Ms,
                        String degraded) {
    }

    record Providers(List<ProviderView> providers) {
    }

    private final ProviderCatalog catalog;
    private final ProviderGuards guards;

    ProvidersController(ProviderCatalog catalog, ProviderGuards guards) {
        this.catalog = catalog;
        this.guards = guards;
    }

    @Operation(summary = "Providers the caller may see, with circuit state, counts and p50/p95 latency (last 2 min)")
    @GetMapping("/api/v1/providers")
    Providers providers(HttpServletRequest http) {
        Caller caller = Caller.of(http);
        return new Providers(catalog.all().stream().filter(e -> caller.mayUse(e.info())).map(e -> {
            GuardSnapshot g = guards.forProvider(e.info().id()).snapshot();
            String degraded = e.provider() instanceof IndexedSearchProvider indexed ? indexed.degradedReason() : null;
            return new ProviderView(e.info().id(), e.info().type(), e.info().enabled(), e.info().slow(),
                    e.info().publicAccess(), g.circuit(), g.calls(), g.errors(), g.timeouts(), g.p50Ms(), g.p95Ms(),
                    degraded);
        }).toList());
    }
}
