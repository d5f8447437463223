package io.fedsearch.access;

import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.web.InvalidParameterException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Checks of admin request bodies; each failure is a 400 problem+json naming the field. */
@Component
class AdminChecks {

    private final ProviderCatalog catalog;

    AdminChecks(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    InvalidParameterException invalid(String field, String wanted) {
        return new InvalidParameterException(field, field + " must be " + wanted);
    }

    String principal(String field, String value) {
        if (value == null || !AdminKeysController.PRINCIPAL.matcher(value).matches()
                || value.equals(Caller.ANONYMOUS.principal())) {
            throw invalid(field, "1 to 64 of letters, digits and . _ @ -, and not \"anonymous\"");
        }
        return value;
    }

    /** Known provider ids; null = none. */
    Set<String> providers(String field, List<String> ids) {
        if (ids == null) return Set.of();
        var known = new TreeSet<String>();
        for (String id : ids) {
            known.add(provider(field, id));
        }
        return known;
    }

    String provider(String field, String id) {
        if (id == null || catalog.find(id).isEmpty()) {
            throw new InvalidParameterException(field, "unknown provider '" + id + "'; known: "
                    + String.join(", ", catalog.all().stream().map(e -> e.info().id()).toList()));
        }
        return id;
    }

    Map<String, String> userIds(String field, Map<String, String> ids) {
        if (ids == null) return Map.of();
        ids.forEach((provider, id) -> {
            provider(field, provider);
            if (id == null || id.isBlank() || id.length() > 256) {
                throw invalid(field + "." + provider, "a user id of 1 to 256 characters");
            }
        });
        return ids;
    }

    int range(String field, Integer value, int fallback, int max) {
        if (value == null) return fallback;
        if (value < 1 || value > max) throw invalid(field, "from 1 to " + max);
        return value;
    }
}
