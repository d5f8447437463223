package io.fedsearch.provider.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Solr node for the tests, started once for the whole test run (held in the root context's store, closed
 * by JUnit at the end) and filled with {@link Papers} before the first test.
 *
 * <p>Solr runs in a JVM of its own ({@code SolrTestServer} from the test-server module, on the classpath Maven
 * resolved for Solr there): Solr's Lucene and Jetty versions differ from ours and must not meet them. The child
 * reads our pipe and stops when it closes, so it cannot outlive this JVM. Its log is
 * {@code target/solr-test-server.log}; start time and memory go to {@code target/solr-test-server.txt}.
 */
final class SolrServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SolrServerExtension.class);
    private static final String CLASSPATH_FILE = "fedsearch-solr-test-server.classpath";
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    /** The running node: {@code baseUrl} is {@code http://127.0.0.1:<port>/solr}. */
    record SolrNode(String baseUrl) {

        String coreUrl() {
            return baseUrl + "/docs";
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SolrNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).node();
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The child process; JUnit closes it when the root context closes, after the last test. */
    private record Running(Process process, Path home, SolrNode node) implements AutoCloseable {

        static Running start() {
            Path target = Path.of("target");
            Path log = target.resolve("solr-test-server.log");
            delete(log);
            Path home = copySolrHome();
            Process process = null;
            try {
                long started = System.nanoTime();
                process = launch(home, log);
                String[] ready = awaitReady(process, log).split(" ");
                long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                var node = new SolrNode(ready[1]);
                long indexStart = System.nanoTime();
                index(node, Papers.all());
                long indexMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - indexStart);
                String report = "solr=" + node.baseUrl() + " start_ms=" + startMillis + " index_ms=" + indexMillis
                        + " docs=" + Papers.all().size() + " heap_used_after_start_mb=" + Long.parseLong(ready[2]) / (1 << 20)
                        + " rss_mb=" + rssMegabytes(process) + "\n";
                Path figures = target.resolve("solr-test-server.txt");
                delete(figures);
                write(figures, report);
                System.out.print(report);
                return new Running(process, home, node);
            } catch (RuntimeException e) {
                if (process != null) {
                    process.destroyForcibly();
                }
                deleteTree(home);
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close(); // the child stops when its stdin closes
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            deleteTree(home);
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Process launch(Path home, Path log) {
            String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            var command = List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED", "-Dsolr.log.dir=" + log.getParent().toAbsolutePath(),
                    "-cp", solrClasspath(), "io.fedsearch.solrtest.SolrTestServer", home.toString());
            try {
                return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Solr JVM", e);
            }
        }

        /** Waits for the child's one ready line; the rest of its stdout goes to the log so its pipe never fills. */
        private static String awaitReady(Process process, Path log) {
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("SOLR_READY ")) {
                            return line;
                        }
                        write(log, line + "\n");
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String line;
            try {
                line = ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("Solr did not start within " + START_LIMIT + "; see " + log.toAbsolutePath(), e);
            }
            if (line == null) {
                throw new IllegalStateException("Solr exited before it was ready; see " + log.toAbsolutePath());
            }
            Thread.ofVirtual().start(() -> out.lines().forEach(l -> write(log, l + "\n")));
            return line;
        }

        /** Solr's classpath as Maven resolved it in the test-server module, plus that module's own classes. */
        private static String solrClasspath() {
            URL file = SolrServerExtension.class.getClassLoader().getResource(CLASSPATH_FILE);
            if (file == null) {
                throw new IllegalStateException(CLASSPATH_FILE + " is not on the test classpath: build with -am (the test-server module)");
            }
            try {
                String location = file.toString();
                Path root = location.startsWith("jar:")
                        ? Path.of(new URI(location.substring(4, location.indexOf("!/"))))
                        : Path.of(file.toURI()).getParent();
                String classpath;
                try (var in = file.openStream()) {
                    classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                }
                return root + java.io.File.pathSeparator + classpath;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A fresh copy of src/test/resources/solr-home: Solr writes into its home. */
        private static Path copySolrHome() {
            try {
                Path template = Path.of(SolrServerExtension.class.getClassLoader().getResource("solr-home").toURI());
                Path home = Files.createTempDirectory("fedsearch-solr-home");
                try (Stream<Path> files = Files.walk(template)) {
                    for (Path source : files.toList()) {
                        Path copy = home.resolve(template.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.copy(source, copy);
                        }
                    }
                }
                return home;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Indexes the documents through Solr's own update API and commits, so every test sees them. */
        private static void index(SolrNode node, byte[] documents) {
            try (var client = HttpClient.newHttpClient()) {
                var request = HttpRequest.newBuilder(URI.create(node.coreUrl() + "/update?commit=true"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(documents)).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("indexing failed: HTTP " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void index(SolrNode node, List<?> documents) {
            index(node, Papers.json(documents));
        }

        private static void delete(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long rssMegabytes(Process process) {
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            try {
                return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
            } catch (IOException e) {
                return -1; // not Linux: the figure is only for the report
            }
        }

        private static void write(Path file, String text) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
