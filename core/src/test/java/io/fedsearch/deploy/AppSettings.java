package io.fedsearch.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a deployment file may name: the app's config keys (its own metadata from the configuration processor plus
 * Spring Boot's for spring.*, server.*, management.*), the environment variables the app reads by name, and the
 * server port of its packaged application.yml.
 *
 * @param keys          every known config key, canonical form (fedsearch.state.redis-url)
 * @param mapRoots      keys whose children are free (maps such as fedsearch.providers.&lt;id&gt;.*)
 * @param namesRead     environment variables read by name (FEDSEARCH_ADMIN_KEY, LOG_FORMAT, ...)
 * @param serverPort    server.port of the packaged application.yml
 */
record AppSettings(Set<String> keys, Set<String> mapRoots, Set<String> namesRead, int serverPort) {

    /** Read by the JVM itself, not the app. */
    private static final Set<String> JVM_NAMES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    /** Environment variables the app reads by name; each must still appear in its main sources (see load). */
    private static final List<String> APP_NAMES = List.of("FEDSEARCH_ADMIN_KEY", "LOG_FORMAT", "LOG_LEVEL");

    /**
     * Bound with a Binder at run time rather than by a @ConfigurationProperties class, so the metadata lists no
     * children: fedsearch.providers.&lt;id&gt;.&lt;key&gt; (each kind's keys) and fedsearch.flags.&lt;name&gt;.
     */
    private static final List<String> MAP_ROOTS = List.of("fedsearch.providers", "fedsearch.flags");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** From the test classpath (core/target/classes and every Spring Boot jar) and the module's main sources. */
    static AppSettings load(Path mainSources) {
        Set<String> keys = new HashSet<>();
        Set<String> mapRoots = new HashSet<>();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : urls(resource)) {
                readMetadata(url, keys, mapRoots);
            }
        }
        String sources = allText(mainSources);
        Set<String> namesRead = new HashSet<>(JVM_NAMES);
        APP_NAMES.stream().filter(sources::contains).forEach(namesRead::add);
        MAP_ROOTS.stream().filter(root -> sources.contains("\"" + root)).forEach(mapRoots::add);
        return new AppSettings(keys, mapRoots, namesRead, packagedServerPort());
    }

    /**
     * Whether the variable sets a config key by Spring Boot's relaxed binding or is read by name. Spring maps
     * fedsearch.state.redis-url to FEDSEARCH_STATE_REDISURL (dots to underscores, dashes dropped, upper case) and
     * to the legacy FEDSEARCH_STATE_REDIS_URL (dashes to underscores too); both bind.
     */
    boolean knows(String variable) {
        if (namesRead.contains(variable)) {
            return true;
        }
        if (keys.stream().anyMatch(key -> envForms(key).contains(variable))) {
            return true;
        }
        return mapRoots.stream().anyMatch(root -> envForms(root).stream().anyMatch(f -> variable.startsWith(f + "_")));
    }

    static Set<String> envForms(String key) {
        String upper = key.replace(".", "_").replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
        return new HashSet<>(List.of(upper.replace("-", ""), upper.replace("-", "_")));
    }

    private static void readMetadata(URL url, Set<String> keys, Set<String> mapRoots) {
        try (InputStream in = url.openStream()) {
            JsonNode metadata = JSON.readTree(in);
            for (JsonNode property : metadata.path("properties")) {
                String name = property.path("name").asString();
                keys.add(name);
                if (property.path("type").asString("").startsWith("java.util.Map")) {
                    mapRoots.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<URL> urls(String resource) {
        try {
            return Collections.list(AppSettings.class.getClassLoader().getResources(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int packagedServerPort() {
        // The main application.yml, not the test overrides under classpath:/config/.
        try (InputStream in = AppSettings.class.getClassLoader().getResourceAsStream("application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            return ((Number) ((Map<?, ?>) yaml.get("server")).get("port")).intValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String allText(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(java|ya?ml|properties|xml)$")).toList()) {
                text.append(Files.readString(file)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
