package io.fedsearch.insights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads reference entries: plain text, one entry a line, blank lines and lines starting with '#' skipped. */
final class ReferenceData {

    private ReferenceData() {
    }

    /** Every entry of {@code dir/*.txt}, or of the bundled {@code classpath:suggest/*.txt} when dir is null. */
    static List<String> load(Path dir) {
        var entries = new ArrayList<String>();
        try {
            if (dir != null) {
                if (!Files.isDirectory(dir)) {
                    throw new io.fedsearch.provider.InvalidConfigurationException("fedsearch.insights.suggest-reference-dir",
                            dir, "an existing directory of *.txt files");
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                        parse(Files.readString(file, StandardCharsets.UTF_8), entries);
                    }
                }
            } else {
                for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:suggest/*.txt")) {
                    try (InputStream in = r.getInputStream()) {
                        parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), entries);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the suggest reference data", e);
        }
        return entries;
    }

    private static void parse(String text, List<String> into) {
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(into::add);
    }
}
