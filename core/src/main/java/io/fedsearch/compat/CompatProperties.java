package io.fedsearch.compat;

import io.fedsearch.provider.InvalidConfigurationException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.compat.*}: the seed-compatible endpoints. Checked at start-up; a bad value stops the start naming
 * the key.
 *
 * @param arxivProvider    the id of the arxiv-type provider {@code GET /arxiv} queries; null = the first configured
 *                         provider of type arxiv (an unknown id or another type stops the start)
 * @param messagesProvider the id of the provider behind {@code GET /search} and {@code GET /}; null = the first
 *                         provider that serves verbatim records (of type messages)
 * @param history          who may read the seed {@code GET|POST /queries} and {@code GET /results} (the seed had no
 *                         keys, so these cannot follow the per-principal rules of {@code /api/v1/queries} unchanged):
 *                         {@code public} (default, as the seed had it): anyone reads, but only records of queries
 *                         anonymous callers made to public providers, which hold nothing a caller could not fetch
 *                         again; {@code key}: a key is required (401 without) and reads its own principal's records
 *                         (the admin key everyone's); {@code off}: both endpoints answer 404
 */
@ConfigurationProperties("fedsearch.compat")
record CompatProperties(String arxivProvider, String messagesProvider, @DefaultValue("public") String history) {

    static final String KEY = "fedsearch.compat.history";

    enum Exposure { PUBLIC, KEY, OFF }

    CompatProperties {
        if (arxivProvider != null && arxivProvider.isBlank()) arxivProvider = null;
        if (messagesProvider != null && messagesProvider.isBlank()) messagesProvider = null;
        exposure(history);
    }

    Exposure exposure() {
        return exposure(history);
    }

    private static Exposure exposure(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "public" -> Exposure.PUBLIC;
            case "key" -> Exposure.KEY;
            case "off" -> Exposure.OFF;
            default -> throw new InvalidConfigurationException(KEY, value, "public, key or off");
        };
    }
}
