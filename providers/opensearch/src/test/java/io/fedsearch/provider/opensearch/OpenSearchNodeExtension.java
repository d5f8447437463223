package io.fedsearch.provider.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link OpenSearchNode} of this test JVM (as a constructor or method parameter). The node is
 * kept in the root store, so it starts with the first class that asks and closes when the whole test plan ends.
 */
final class OpenSearchNodeExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OpenSearchNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(OpenSearchNode.class, type -> start(), OpenSearchNode.class);
    }

    private static OpenSearchNode start() {
        try {
            return OpenSearchNode.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
