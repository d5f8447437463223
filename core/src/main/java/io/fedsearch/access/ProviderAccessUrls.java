package io.fedsearch.access;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The access-related keys of each provider, read from the same {@code fedsearch.providers.<id>} the catalog binds:
 * {@code item-check-url}, a POST endpoint asked which result ids the caller may see (none = all may be seen), and
 * {@code user-id-url}, a GET endpoint giving the principal's user id at the provider (for {@code {user}}).
 */
@Component
class ProviderAccessUrls {

    /** The access keys of one provider; every other key belongs to the catalog or the provider's kind. */
    record Urls(String itemCheckUrl, String userIdUrl) {
    }

    private final Map<String, String> itemCheck = new HashMap<>();
    private final Map<String, String> userId = new HashMap<>();

    ProviderAccessUrls(Environment environment) {
        Binder.get(environment)
                .bind("fedsearch.providers", Bindable.mapOf(String.class, Urls.class))
                .orElse(Map.of())
                .forEach((id, urls) -> {
                    if (urls.itemCheckUrl() != null) itemCheck.put(id, urls.itemCheckUrl());
                    if (urls.userIdUrl() != null) userId.put(id, urls.userIdUrl());
                });
    }

    /** The provider's item-check URL, null when its items need no check. */
    String itemCheck(String provider) {
        return itemCheck.get(provider);
    }

    /** Providers that look their user ids up, with the lookup URL. */
    Map<String, String> userIdLookups() {
        return userId;
    }
}
