package io.fedsearch.search;

import io.fedsearch.access.Caller;
import io.fedsearch.access.FeatureFlags;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.search.ProviderOutcome.Failed;
import io.fedsearch.search.ProviderOutcome.Skipped;
import io.fedsearch.web.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Which providers a search asks, and which of them are answered without a call (disabled, not entitled, ...). */
@Component
class ProviderSelection {

    private final ProviderCatalog catalog;
    private final FeatureFlags flags;

    ProviderSelection(ProviderCatalog catalog, FeatureFlags flags) {
        this.catalog = catalog;
        this.flags = flags;
    }

    /**
     * Asked by name: every named one (unknown = 400). Else: enabled, non-slow (unless asked), usable ones that
     * understand every field given, so a filter is never silently dropped.
     *
     * @throws InvalidParameterException naming {@code providers} when an asked id is not configured
     */
    List<ProviderCatalog.Entry> providers(SearchRequest request, Caller caller) {
        if (request.providers() != null) {
            var chosen = new ArrayList<ProviderCatalog.Entry>();
            for (String id : request.providers()) {
                chosen.add(catalog.find(id).orElseThrow(() -> new InvalidParameterException("providers",
                        "unknown provider '" + id + "'; known: " + String.join(", ", knownIds()))));
            }
            return chosen;
        }
        var probe = new ProviderQuery(request.q(), request.author(), request.title(), request.journal(), 1, 1, null);
        return catalog.all().stream()
                .filter(e -> e.info().enabled())
                .filter(e -> request.includeSlow() || !e.info().slow())
                .filter(e -> caller.mayUse(e.info()))
                .filter(e -> e.provider().capabilities().unsupportedField(probe) == null)
                .toList();
    }

    /** The outcome of a provider that is not to be called, or null when it is to be called. */
    ProviderOutcome withoutCall(ProviderCatalog.Entry entry, ProviderQuery query, Caller caller) {
        ProviderInfo info = entry.info();
        if (!info.enabled() || !flags.enabled(FeatureFlags.provider(info.id()))) {
            return new Skipped(info.id(), ProviderStatus.DISABLED);
        }
        if (!caller.mayUse(info)) {
            return new Skipped(info.id(), ProviderStatus.NOT_ENTITLED);
        }
        String unsupported = entry.provider().capabilities().unsupportedField(query);
        if (unsupported != null) {
            return new Failed(info.id(), ProviderStatus.ERROR, 0,
                    "provider cannot search by " + unsupported, ProviderOutcome.Trace.NONE);
        }
        return null;
    }

    private List<String> knownIds() {
        return catalog.all().stream().map(e -> e.info().id()).toList();
    }
}
