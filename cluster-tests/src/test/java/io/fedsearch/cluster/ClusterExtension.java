package io.fedsearch.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link Cluster} once for every test class of the module: it is kept in the root store, which JUnit
 * closes (stopping every process) when the run ends, however it ends. Test classes receive it as a parameter.
 * Without nginx the tests are skipped on a developer's machine, but fail in CI (where .ci/run installs it).
 */
final class ClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Cluster.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static Cluster cluster(ExtensionContext context) {
        var nginx = Nginx.binary();
        if (nginx.isEmpty() && System.getenv("CI") == null) {
            Assumptions.abort("cluster tests skipped: nginx not found (apt-get install nginx-light)");
        }
        Path binary = nginx.orElseThrow(() -> new IllegalStateException(
                "nginx not found in CI: .ci/run installs nginx-light before the build"));
        Path jar = Path.of(System.getProperty("fedsearch.jar", "../distributions/fedsearch/target/fedsearch.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar.toAbsolutePath().normalize()
                    + ": build distributions/fedsearch first (./mvnw -B verify -pl cluster-tests -am)");
        }
        Path work = Path.of(System.getProperty("cluster.work", "target/cluster"));
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Cluster.class, k -> Cluster.start(jar, binary, work), Cluster.class);
    }
}
