package io.fedsearch.provider.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.provider.ProviderKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OpenSearchKindConfigurationTest {

    @Test
    void theModuleOnTheClasspathOffersTheOpensearchKind() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(OpenSearchKindConfiguration.class.getName());

        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OpenSearchKindConfiguration.class))
                .run(context -> {
                    ProviderKind<?> kind = context.getBean(ProviderKind.class);
                    assertThat(kind.type()).isEqualTo("opensearch");
                    assertThat(kind.settingsType()).isEqualTo(OpenSearchSettings.class);
                });
    }
}
