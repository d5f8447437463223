package io.fedsearch.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Feature flags from three layers, the first that names a flag wins: admin overrides stored in the
 * {@code feature_flag} table (shared by replicas), the flags file ({@code fedsearch.flags.file}), the configuration
 * ({@code fedsearch.flags.<name>}); unset = on. The file and the overrides are re-read every
 * {@code fedsearch.flags.refresh} (default 10m), on admin reload and, with Redis, when another replica changes one.
 * Reads are lock-free from an immutable snapshot.
 */
@Component
class JdbcFeatureFlags implements FeatureFlags, AutoCloseable {

    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}(\\.[a-z0-9-]{1,40})?");
    private static final String PREFIX = "fedsearch.flags.";
    private static final int MEMO_LIMIT = 10_000;
    private static final Logger log = LoggerFactory.getLogger(JdbcFeatureFlags.class);

    private final JdbcClient jdbc;
    private final ConfigurableEnvironment environment;
    private final FlagsProperties properties;
    private final AccessEvents events;
    private final ScheduledFuture<?> refresher;
    private volatile Map<String, Boolean> overrides = Map.of();
    private volatile Map<String, Boolean> file = Map.of();
    /**
     * The configuration layer, read once per name: a relaxed-binding lookup through every property source costs more
     * than the rest of a cached search (6 % of a search's CPU in the bench/proxy-pairs.sh profile). Emptied on reload.
     */
    private final Map<String, Optional<Boolean>> configured = new ConcurrentHashMap<>();

    JdbcFeatureFlags(JdbcClient jdbc, ConfigurableEnvironment environment, FlagsProperties properties,
                     AccessEvents events, TaskScheduler scheduler) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.properties = properties;
        this.events = events;
        reload();
        events.on(AccessEvents.FLAGS, ignored -> reload());
        this.refresher = scheduler.scheduleWithFixedDelay(this::reload,
                java.time.Instant.now().plus(properties.refresh()), properties.refresh());
    }

    @Override
    public boolean enabled(String name) {
        Boolean value = overrides.get(name);
        if (value == null) value = file.get(name);
        if (value == null) value = configured(name).orElse(null);
        return value == null || value;
    }

    private Optional<Boolean> configured(String name) {
        Optional<Boolean> known = configured.get(name);
        if (known != null) return known;
        Optional<Boolean> read = Optional.ofNullable(environment.getProperty(PREFIX + name, Boolean.class));
        // Names come from the code and the configuration, but keep the memo bounded whatever asks.
        if (configured.size() < MEMO_LIMIT) configured.put(name, read);
        return read;
    }

    /** Reads the flags file and the stored overrides again; a broken file keeps its last good values. */
    void reload() {
        configured.clear();
        try {
            var stored = new HashMap<String, Boolean>();
            jdbc.sql("SELECT name, enabled FROM feature_flag")
                    .query(rs -> {
                        stored.put(rs.getString("name"), rs.getBoolean("enabled"));
                    });
            overrides = Map.copyOf(stored);
        } catch (RuntimeException e) {
            log.warn("stored flag overrides not read, keeping the last ones: {}", e.toString());
        }
        if (properties.file() != null) {
            try {
                file = readFile(Path.of(properties.file()));
            } catch (IOException | RuntimeException e) {
                log.warn("flags file {} not read, keeping the last good flags: {}", properties.file(), e.toString());
            }
        }
    }

    /** Stores an admin override (null = remove it) and makes every replica read the flags again. */
    void override(String name, Boolean enabled, String actor) {
        jdbc.sql("DELETE FROM feature_flag WHERE name = :name").param("name", name).update();
        if (enabled != null) {
            jdbc.sql("""
                            INSERT INTO feature_flag (name, enabled, updated_by, updated_at)
                            VALUES (:name, :enabled, :actor, :at)
                            """)
                    .param("name", name).param("enabled", enabled).param("actor", actor)
                    .param("at", System.currentTimeMillis()).update();
        }
        events.broadcast(AccessEvents.FLAGS, null);
    }

    /** Every flag some layer names, plus the given ones (each provider's, the features'), with its value now. */
    Map<String, Boolean> all(Iterable<String> known) {
        var names = new TreeMap<String, Boolean>();
        known.forEach(n -> names.put(n, true));
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String key : enumerable.getPropertyNames()) {
                    if (key.startsWith(PREFIX) && NAME.matcher(key.substring(PREFIX.length())).matches()
                            && !key.equals(PREFIX + "file") && !key.equals(PREFIX + "refresh")) {
                        names.put(key.substring(PREFIX.length()), true);
                    }
                }
            }
        }
        file.keySet().forEach(n -> names.put(n, true));
        overrides.keySet().forEach(n -> names.put(n, true));
        names.replaceAll((name, ignored) -> enabled(name));
        return names;
    }

    static Map<String, Boolean> readFile(Path path) throws IOException {
        if (!Files.isReadable(path)) throw new IOException("cannot read " + path);
        Properties read;
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            var yaml = new YamlPropertiesFactoryBean();
            yaml.setResources(new FileSystemResource(path));
            read = yaml.getObject();
        } else {
            read = new Properties();
            try (InputStream in = Files.newInputStream(path)) {
                read.load(in);
            }
        }
        var flags = new HashMap<String, Boolean>();
        // YAML values arrive as Booleans, properties values as Strings: compare their text.
        for (var entry : read.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String value = String.valueOf(entry.getValue()).strip().toLowerCase();
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
            }
            flags.put(key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key, Boolean.parseBoolean(value));
        }
        return Map.copyOf(flags);
    }

    @Override
    public void close() {
        refresher.cancel(false);
    }
}
