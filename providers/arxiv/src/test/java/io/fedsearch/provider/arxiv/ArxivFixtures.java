package io.fedsearch.provider.arxiv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The saved real arXiv answers under src/test/resources/arxiv (see SOURCES.md there). */
public final class ArxivFixtures {

    public static final String CURRENT = "current-search-all_testing-start0-max10.xml";
    public static final String LEGACY = "legacy-search-electron_AND_proton.xml";
    public static final String EMPTY = "current-empty-id-0000.0000.xml";
    public static final String ERROR = "current-error-id-abc-http400.xml";

    private ArxivFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = ArxivFixtures.class.getResourceAsStream("/arxiv/" + name)) {
            if (in == null) throw new IllegalStateException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
