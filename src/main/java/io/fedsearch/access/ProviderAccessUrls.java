package io.fedsearch.access;

import io.fedsearch.provider.ProviderSettings;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The access-related keys of each provider ({@code fedsearch.providers.<id>.item-check-url} and
 * {@code .user-id-url}), read from the same configuration the provider catalog binds.
 */
@Component
class ProviderAccessUrls {

    private final Map<String, String> itemCheck = new HashMap<>();
    private final Map<String, String> userId = new HashMap<>();

    ProviderAccessUrls(Environment environment) {
        Binder.get(environment)
                .bind("fedsearch.providers", Bindable.mapOf(String.class, ProviderSettings.class))
                .orElse(Map.of())
                .forEach((id, settings) -> {
                    if (settings.itemCheckUrl() != null) itemCheck.put(id, settings.itemCheckUrl());
                    if (settings.userIdUrl() != null) userId.put(id, settings.userIdUrl());
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
