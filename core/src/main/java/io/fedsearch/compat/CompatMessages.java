package io.fedsearch.compat;

import io.fedsearch.provider.InvalidConfigurationException;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.VerbatimSearch;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The messages provider behind the seed-compatible {@code GET /search} and {@code GET /}:
 * {@code fedsearch.compat.messages-provider} names it (default: the first provider that serves verbatim records, i.e. of type messages). A name that
 * is not a configured messages provider stops the start.
 */
@Component
class CompatMessages {

    private final ProviderCatalog.Entry entry;

    CompatMessages(ProviderCatalog catalog, CompatProperties properties) {
        String id = properties.messagesProvider();
        if (id == null) {
            entry = catalog.all().stream().filter(e -> e.provider() instanceof VerbatimSearch).findFirst().orElse(null);
        } else {
            entry = catalog.find(id).filter(e -> e.provider() instanceof VerbatimSearch)
                    .orElseThrow(() -> new InvalidConfigurationException("fedsearch.compat.messages-provider", id,
                            "the id of a configured provider of type messages"));
        }
    }

    /** The provider, when one is configured and enabled. */
    Optional<VerbatimSearch> provider() {
        if (entry == null || !entry.info().enabled()) return Optional.empty();
        return Optional.of((VerbatimSearch) entry.provider());
    }
}
