package io.fedsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.deploy.DeploymentFiles.Kind;
import io.fedsearch.deploy.DeploymentFiles.Reference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps deploy/ (Dockerfile, compose, nginx, Kubernetes) and cluster/run.sh true: every environment variable they
 * set is a config key of the app or a variable it reads, every port is its server.port, and every probe or health
 * check path answers 200 on the app booted here. Renaming a key, a port or a health group fails this test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentFilesTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Path root;
    private static AppSettings app;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTheApp() {
        root = checkoutRoot();
        app = AppSettings.load(root.resolve("core/src/main"));
    }

    @Test
    void everyEnvironmentVariablePortAndProbePathInTheDeploymentFilesIsTheApps() {
        List<Reference> references = allReferences();

        assertThat(references).extracting(Reference::kind).contains(Kind.VARIABLE, Kind.PORT, Kind.PROBE);
        assertThat(references).extracting(Reference::value)
                .contains("FEDSEARCH_STATE_REDIS_URL", "SPRING_DATASOURCE_URL", "FEDSEARCH_STATE_REPLICAS",
                        "FEDSEARCH_ADMIN_KEY", "/actuator/health/liveness", "/actuator/health/readiness");
        assertThat(DeploymentFiles.problems(references, app, this::answers200)).isEmpty();
    }

    @Test
    void everyFileIsRead() {
        assertThat(allReferences()).extracting(Reference::file).anySatisfy(f -> assertThat(f).startsWith("deploy/Dockerfile"))
                .anySatisfy(f -> assertThat(f).startsWith("deploy/compose.yaml service fedsearch-3"))
                .anySatisfy(f -> assertThat(f).startsWith("deploy/nginx/nginx.conf"))
                .anySatisfy(f -> assertThat(f).contains("ConfigMap fedsearch"))
                .anySatisfy(f -> assertThat(f).contains("startupProbe"))
                .anySatisfy(f -> assertThat(f).startsWith("cluster/run.sh"));
    }

    @Test
    void aProbeOnAHealthGroupTheAppDoesNotHaveIsReported() {
        List<Reference> wrong = List.of(new Reference("fixture", Kind.PROBE, "/actuator/health/startup"));

        assertThat(DeploymentFiles.problems(wrong, app, this::answers200))
                .containsExactly("fixture: /actuator/health/startup does not answer 200 on the app");
    }

    @Test
    void theReplicaCountForRedisOutagesMatchesTheReplicasDeployed() {
        Map<String, Object> services = yaml("deploy/compose.yaml").get("services") instanceof Map<?, ?> m
                ? cast(m) : Map.of();
        List<String> replicas = services.keySet().stream().filter(s -> s.startsWith("fedsearch-")).toList();
        Map<String, Object> replica = cast((Map<?, ?>) services.get(replicas.getFirst()));
        assertThat(cast((Map<?, ?>) replica.get("environment")).get("FEDSEARCH_STATE_REPLICAS"))
                .isEqualTo(String.valueOf(replicas.size()));

        // Kubernetes: the autoscaler's maximum, so outage limits never add up to more than a caller's budget.
        Map<String, Object> hpa = cast((Map<?, ?>) yaml("deploy/k8s/hpa.yaml").get("spec"));
        Map<String, Object> config = cast((Map<?, ?>) yaml("deploy/k8s/configmap.yaml").get("data"));
        assertThat(config.get("FEDSEARCH_STATE_REPLICAS")).isEqualTo(String.valueOf(hpa.get("maxReplicas")));
    }

    @Test
    void nginxRetriesIdempotentRequestsOnTheNextReplicaAndNeverOthers() throws IOException {
        for (String file : List.of("deploy/nginx/nginx.conf", "cluster/run.sh")) {
            List<String> directives = Files.readAllLines(root.resolve(file)).stream().map(String::strip)
                    .filter(line -> !line.startsWith("#")).toList();
            assertThat(directives).as(file)
                    .filteredOn(line -> line.startsWith("proxy_next_upstream "))
                    .containsExactly("proxy_next_upstream error timeout http_502 http_503 http_504;");
            assertThat(directives).as(file).anyMatch(line -> line.contains("max_fails="))
                    .anyMatch(line -> line.startsWith("keepalive "));
        }
    }

    private List<Reference> allReferences() {
        List<Reference> references = new ArrayList<>();
        references.addAll(DeploymentFiles.dockerfile("deploy/Dockerfile", read("deploy/Dockerfile")));
        references.addAll(DeploymentFiles.compose("deploy/compose.yaml", read("deploy/compose.yaml")));
        references.addAll(DeploymentFiles.nginxConf("deploy/nginx/nginx.conf", read("deploy/nginx/nginx.conf")));
        Map<String, String> manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy/k8s"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .forEach(f -> manifests.put(root.relativize(f).toString(), read(root.relativize(f).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        references.addAll(DeploymentFiles.kubernetes(manifests));
        references.addAll(DeploymentFiles.script("cluster/run.sh", read("cluster/run.sh")));
        return references;
    }

    private boolean answers200(String path) {
        try {
            HttpResponse<Void> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> yaml(String file) {
        return new Yaml().load(read(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String read(String file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run in core/; the checkout is the first parent holding deploy/. */
    private static Path checkoutRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the checkout with deploy/").isNotNull();
        return dir;
    }
}
