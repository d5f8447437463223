package io.fedsearch.provider;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Every provider configured under {@code fedsearch.providers.<id>}, in configuration order, built once at start-up
 * by its kind. The common keys bind into {@link ProviderSettings}, the kind's own into its settings record; a bad
 * value fails the start with one line naming the whole key and what is allowed.
 */
@Component
public class ProviderCatalog {

    private static final String PREFIX = "fedsearch.providers";
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");

    /** A built provider with its resolved common settings. */
    public record Entry(ProviderInfo info, SearchProvider provider) {
    }

    /** Only the type, to list the configured ids before binding each in full (the binder skips private types). */
    record Declared(String type) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ProviderCatalog(Environment environment, List<ProviderKind<?>> kinds) {
        Map<String, ProviderKind<?>> byType = new TreeMap<>();
        kinds.forEach(kind -> byType.put(kind.type(), kind));
        Binder binder = Binder.get(environment);
        binder.bind(PREFIX, Bindable.mapOf(String.class, Declared.class)).orElse(Map.of())
                .keySet().forEach(id -> entries.put(id, build(binder, id, byType)));
    }

    private static Entry build(Binder binder, String id, Map<String, ProviderKind<?>> kinds) {
        String key = PREFIX + "." + id;
        if (!ID.matcher(id).matches()) {
            throw new InvalidConfigurationException(key, id, "a provider id is 1 to 32 of a-z, 0-9 and '-'");
        }
        ProviderSettings s = bind(binder, key, ProviderSettings.class);
        ProviderKind<?> kind = kinds.get(s.type());
        if (kind == null) {
            throw new InvalidConfigurationException(key + ".type", s.type(), "one of " + String.join(", ", kinds.keySet()));
        }
        int maxConcurrency = s.maxConcurrency() == null ? kind.defaultMaxConcurrency() : s.maxConcurrency();
        Duration minInterval = s.minInterval() == null ? kind.defaultMinInterval() : s.minInterval();
        var info = new ProviderInfo(id, s.type(), s.enabled(), s.slow(), s.publicAccess(), s.weight(), s.timeout(),
                maxConcurrency, minInterval, s.cacheTtl(), s.hedge());
        return new Entry(info, create(binder, key, id, kind));
    }

    private static <S> SearchProvider create(Binder binder, String key, String id, ProviderKind<S> kind) {
        return kind.create(id, bind(binder, key, kind.settingsType()));
    }

    /** Binds one record under {@code key}; its own complaint about a value is raised with the whole key. */
    private static <T> T bind(Binder binder, String key, Class<T> type) {
        try {
            return binder.bindOrCreate(key, Bindable.of(type));
        } catch (BindException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidConfigurationException invalid) throw invalid.under(key);
            }
            throw e;
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
