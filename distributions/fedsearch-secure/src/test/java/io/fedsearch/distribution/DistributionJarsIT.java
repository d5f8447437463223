package io.fedsearch.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two runnable jars as a user gets them (run by failsafe after both are packaged): each starts with
 * {@code java -jar} and answers a search, and the public one carries no class of the data-sensitive jdbc kind.
 */
class DistributionJarsIT {

    private static final Path PUBLIC_JAR = Path.of(System.getProperty("fedsearch.public-jar"));
    private static final Path SECURE_JAR = Path.of(System.getProperty("fedsearch.secure-jar"));
    private static final String JDBC_KIND = "io/fedsearch/provider/jdbc/";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path workDir;

    @AfterEach
    void stopJars() {
        started.forEach(Process::destroy);
        http.close();
    }

    @Test
    void thePublicJarHoldsNoClassOfTheJdbcKind() throws IOException {
        try (var jar = new JarFile(PUBLIC_JAR.toFile())) {
            var names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names).as("the public jar's own kinds are inside")
                    .anyMatch(n -> n.contains("fedsearch-provider-json"));
            assertThat(names).noneMatch(n -> n.contains(JDBC_KIND) || n.contains("fedsearch-provider-jdbc"));
        }
    }

    @Test
    void thePublicJarStartsAndAnswersASearch() throws Exception {
        String base = start(PUBLIC_JAR);
        assertThat(get(base + "/api/v1/search?q=paris&size=2")).contains("\"provider\":\"messages\"", "\"status\":\"ok\"");
    }

    @Test
    void theSecureJarStartsAndAnswersASearch() throws Exception {
        String base = start(SECURE_JAR);
        assertThat(get(base + "/api/v1/search?q=paris&size=2")).contains("\"provider\":\"messages\"", "\"status\":\"ok\"");
    }

    /** Starts the jar on a free port with its data under a temp folder; returns its base URL once ready. */
    private String start(Path jar, String... args) throws IOException {
        int port = freePort();
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(List.of(args));
        Path log = workDir.resolve(jar.getFileName() + ".log");
        started.add(new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        String base = "http://localhost:" + port;
        Awaitility.await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .alias("readiness of " + jar.getFileName() + ", log: " + log)
                .until(() -> get(base + "/actuator/health/readiness").contains("UP"));
        return base;
    }

    private String get(String url) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
