package io.fedsearch.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One application on a random port, shared by the single-node access tests: providers pub (public), crm
 * (non-public, own user ids, item check) and wiki (non-public, user id look-up) on a real local upstream, a known
 * admin key, a flags file, request log lines on (so tests can look for secrets in them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "FEDSEARCH_ADMIN_KEY=" + AccessTestBase.ADMIN,
        "logging.level.fedsearch.request=INFO",
        "fedsearch.access.anonymous.per-second=1000",
        "fedsearch.access.anonymous.per-hour=100000"})
@Import(AccessTestBase.FeatureProbe.class)
abstract class AccessTestBase {

    static final String ADMIN = "fs_test-admin-key-0000000000000000000000";
    static final Upstream UPSTREAM = Upstream.start();
    static final Path FLAGS_FILE = flagsFile();

    /** An endpoint behind the "trending" flag, as a feature module would write it. */
    @RestController
    static class FeatureProbe {
        private final FeatureFlags flags;

        FeatureProbe(FeatureFlags flags) {
            this.flags = flags;
        }

        @GetMapping("/api/v1/test-trending")
        String trending() {
            flags.require("trending");
            return "{\"trending\":[]}";
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (String line : UPSTREAM.providerProperties()) {
            int eq = line.indexOf('=');
            registry.add(line.substring(0, eq), () -> line.substring(eq + 1));
        }
        registry.add("fedsearch.flags.file", FLAGS_FILE::toString);
    }

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = Http.at(port);
    }

    private static Path flagsFile() {
        try {
            Path file = Files.createTempFile("fedsearch-flags", ".properties");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
