package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsPropertiesFiles() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.properties"), "trending=false\nprovider.arxiv = TRUE\n");
        assertThat(JdbcFeatureFlags.readFile(file)).isEqualTo(Map.of("trending", false, "provider.arxiv", true));
    }

    @Test
    void readsYamlFilesNestedOrFlat() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.yml"), "suggest: false\nprovider:\n  crm: false\n");
        assertThat(JdbcFeatureFlags.readFile(file)).isEqualTo(Map.of("suggest", false, "provider.crm", false));
    }

    @Test
    void acceptsTheFullConfigurationPrefix() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.properties"), "fedsearch.flags.history=false\n");
        assertThat(JdbcFeatureFlags.readFile(file)).isEqualTo(Map.of("history", false));
    }

    @Test
    void refusesValuesOtherThanTrueOrFalse() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.properties"), "recent=maybe\n");
        assertThatThrownBy(() -> JdbcFeatureFlags.readFile(file)).hasMessageContaining("recent");
        assertThatThrownBy(() -> JdbcFeatureFlags.readFile(dir.resolve("missing.properties")))
                .isInstanceOf(java.io.IOException.class);
    }
}
