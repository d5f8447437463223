package io.fedsearch.provider;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every configured provider, built once at start-up by its kind and checked key by key.
 * A bad value fails the start with one line naming the key and the allowed values.
 */
@Component
public class ProviderCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");

    /** A built provider with its resolved common settings. */
    public record Entry(ProviderInfo info, SearchProvider provider) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ProviderCatalog(ProvidersProperties properties, List<ProviderKind> kinds) {
        Map<String, ProviderKind> byType = new TreeMap<>();
        kinds.forEach(kind -> byType.put(kind.type(), kind));
        properties.providers().forEach((id, settings) -> entries.put(id, build(id, settings, byType)));
    }

    private static Entry build(String id, ProviderSettings s, Map<String, ProviderKind> kinds) {
        String key = "fedsearch.providers." + id;
        if (!ID.matcher(id).matches()) {
            throw new InvalidConfigurationException(key, id, "a provider id is 1 to 32 of a-z, 0-9 and '-'");
        }
        ProviderKind kind = kinds.get(s.type());
        if (kind == null) {
            throw new InvalidConfigurationException(key + ".type", s.type(), "one of " + String.join(", ", kinds.keySet()));
        }
        positive(key + ".timeout", s.timeout());
        positive(key + ".cache-ttl", s.cacheTtl());
        if (s.minInterval() != null && s.minInterval().isNegative()) {
            throw new InvalidConfigurationException(key + ".min-interval", s.minInterval(), "zero or a positive duration");
        }
        if (!(s.weight() > 0) || Double.isInfinite(s.weight())) {
            throw new InvalidConfigurationException(key + ".weight", s.weight(), "a number greater than 0");
        }
        int maxConcurrency = s.maxConcurrency() == null ? kind.defaultMaxConcurrency() : s.maxConcurrency();
        if (maxConcurrency < 1) {
            throw new InvalidConfigurationException(key + ".max-concurrency", maxConcurrency, "a whole number from 1");
        }
        Duration minInterval = s.minInterval() == null ? kind.defaultMinInterval() : s.minInterval();
        var info = new ProviderInfo(id, s.type(), s.enabled(), s.slow(), s.publicAccess(), s.weight(), s.timeout(),
                maxConcurrency, minInterval, s.cacheTtl());
        return new Entry(info, kind.create(id, s));
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidConfigurationException(key, value, "a positive duration such as 500ms or 2s");
        }
    }

    public Collection<Entry> all() {
        return entries.values();
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The first configured provider of a kind, if any. */
    public Optional<Entry> firstOfType(String type) {
        return entries.values().stream().filter(e -> e.info().type().equals(type)).findFirst();
    }
}
