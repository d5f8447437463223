package io.fedsearch.provider.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.provider.ProviderKind;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class JdbcKindConfigurationTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JdbcKindConfiguration.class));

    @Test
    void theKindIsFoundByAutoConfigurationFromTheClassPath() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(JdbcKindConfiguration.class.getName());
        app.run(context -> {
            ProviderKind<?> kind = context.getBean(ProviderKind.class);
            assertThat(kind.type()).isEqualTo("jdbc");
            assertThat(kind.settingsType()).isEqualTo(JdbcSettings.class);
        });
    }

    @Test
    void stoppingTheApplicationClosesThePoolOfEveryProviderOfTheKind() {
        var made = new AtomicReference<JdbcProvider>();
        app.run(context -> {
            JdbcProviderKind kind = context.getBean(JdbcProviderKind.class);
            made.set((JdbcProvider) kind.create("library", new JdbcSettings("jdbc:h2:mem:closing", "sa", "",
                    "SELECT id, title FROM docs WHERE title = :q LIMIT :limit OFFSET :offset", null,
                    Map.of("title", "title"), 2)));
            assertThat(made.get().closed()).isFalse();
        });

        assertThat(made.get().closed()).isTrue();
    }
}
