package io.fedsearch.provider.opensearch.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A one-node OpenSearch cluster for tests, run in its own JVM by the opensearch kind's test extension.
 *
 * <p>Arguments: the node's home folder (created; data and logs go below it) and the file to write the HTTP port
 * to once the node has started (written atomically, so a reader never sees half a number). Both ports are chosen
 * by the OS, so parallel builds never collide. The node stops when its standard input closes: the test JVM holds
 * the other end, so the node also goes when that JVM dies without running its shutdown hooks.
 */
public final class OpenSearchTestNode {

    private OpenSearchTestNode() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        Path portFile = Path.of(args[1]).toAbsolutePath();
        for (String dir : List.of("config", "modules", "plugins", "data", "logs")) {
            Files.createDirectories(home.resolve(dir));
        }
        Settings settings = Settings.builder()
                .put("cluster.name", "fedsearch-test")
                .put("node.name", "node-0")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                // a nearly full disk must not turn the test indices read-only
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // tests create their indices explicitly; a search or a typo must never create one
                .put("action.auto_create_index", false)
                .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(),
                home.resolve("config"), () -> "node-0");
        Node node = new ClasspathPluginNode(environment, List.of(classpathPlugin(Netty4ModulePlugin.class)));
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node)));

        int port = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), Integer.toString(port));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);

        while (System.in.read() != -1) {
            // nothing to read: the stream only tells us when the test JVM lets go
        }
        System.exit(0); // runs the shutdown hook, which closes the node

    }

    private static void close(Node node) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
        }
    }

    /** Describes a plugin found on the classpath, as the distribution's plugin-descriptor.properties would. */
    private static PluginInfo classpathPlugin(Class<?> plugin) {
        return new PluginInfo(plugin.getName(), "classpath plugin", "NA", Version.CURRENT,
                Integer.toString(Runtime.version().feature()), plugin.getName(), List.of(), false);
    }

    /** Node's constructor taking classpath plugins is protected: it exists for embedding like this. */
    private static final class ClasspathPluginNode extends Node {
        ClasspathPluginNode(Environment environment, List<PluginInfo> plugins) {
            super(environment, plugins, true);
        }
    }
}
