package io.fedsearch.testing;

import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Registers {@code json} providers that read the answer shape of the tests' local upstreams:
 * {@code {"total": n, "items": [{"id": ..., "title": ..., "url": ..., "snippet": ...}]}}.
 */
public final class JsonProviders {

    private JsonProviders() {
    }

    /**
     * Provider {@code id} asking {@code url} (a URL template, read when the context starts), reading each item's id,
     * title and url.
     *
     * @return the provider's key prefix, {@code fedsearch.providers.<id>.}, for its other settings
     */
    public static String register(DynamicPropertyRegistry registry, String id, Supplier<Object> url) {
        String key = "fedsearch.providers." + id + ".";
        registry.add(key + "type", () -> "json");
        registry.add(key + "url", url);
        registry.add(key + "results-path", () -> "/items");
        registry.add(key + "fields.id", () -> "/id");
        registry.add(key + "fields.title", () -> "/title");
        registry.add(key + "fields.url", () -> "/url");
        return key;
    }

    /** As {@link #register}, also reading the total and each item's snippet. */
    public static String registerWithTotal(DynamicPropertyRegistry registry, String id, Supplier<Object> url) {
        String key = register(registry, id, url);
        registry.add(key + "total-path", () -> "/total");
        registry.add(key + "fields.snippet", () -> "/snippet");
        return key;
    }
}
