package io.fedsearch.provider.opensearch;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real one-node OpenSearch cluster in its own JVM (see src/test/opensearch-node: its classpath is OpenSearch's,
 * not ours), with the fixture index {@code papers} loaded. Started once per test JVM by
 * {@link OpenSearchNodeExtension}; stopped when the test plan ends, by a shutdown hook if the JVM ends first, and
 * by the node itself when its standard input closes (the test JVM died).
 */
final class OpenSearchNode implements AutoCloseable {

    static final String INDEX = "papers";

    private static final Path TARGET = Path.of("target");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path home;
    private final URI url;
    private final Thread shutdownHook;

    private OpenSearchNode(Process process, Path home, URI url, Thread shutdownHook) {
        this.process = process;
        this.home = home;
        this.url = url;
        this.shutdownHook = shutdownHook;
    }

    /** The node's base URL, e.g. http://127.0.0.1:40123. */
    URI url() {
        return url;
    }

    static OpenSearchNode start() throws IOException {
        Path build = Path.of(System.getProperty("opensearch.node.dir", "target/opensearch-node/target"));
        Path jar = build.resolve("opensearch-test-node.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw generate-test-resources once (it builds the node)");
        }
        Path home = Files.createTempDirectory(Files.createDirectories(TARGET), "opensearch-home-");
        Path portFile = home.resolve("http.port");
        Path log = TARGET.resolve("opensearch-node.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        // C1 only: the node is up in about a third of the time on 2 cores, and these searches are too few for C2
        // to pay off; serial GC: fewer threads and less memory on a small heap
        Process process = new ProcessBuilder(java, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", jar + File.pathSeparator + build.resolve("lib") + File.separator + "*",
                "io.fedsearch.provider.opensearch.node.OpenSearchTestNode", home.toString(), portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Thread hook = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(hook);

        await("the OpenSearch node to listen (log: " + log + ")").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the OpenSearch node exited with " + process.exitValue() + "; see " + log);
                    }
                    return Files.exists(portFile);
                });
        var node = new OpenSearchNode(process, home, URI.create("http://127.0.0.1:" + Files.readString(portFile).trim()), hook);
        node.expect(200, node.call("GET", "/_cluster/health?wait_for_status=green&timeout=60s", null));
        long upMillis = (System.nanoTime() - started) / 1_000_000;
        OpenSearchFixtures.load(node);
        System.out.printf("OpenSearch node at %s: green %d ms after spawn, fixtures loaded %d ms after spawn%n",
                node.url, upMillis, (System.nanoTime() - started) / 1_000_000);
        return node;
    }

    /** One HTTP call to the node; body may be null. */
    HttpResponse<String> call(String method, String path, String body) {
        var request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", path.startsWith("/_bulk") ? "application/x-ndjson" : "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    @Override
    public void close() throws Exception {
        System.out.printf("OpenSearch node: peak resident memory %s%n", peakResidentMemory());
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    // VmHWM: the most RAM the node's process ever held (Linux only; the report's figure comes from here)
    private String peakResidentMemory() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) return "unknown";
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmHWM:")).map(line -> line.substring(6).trim()).findFirst().orElse("unknown");
        }
    }
}
