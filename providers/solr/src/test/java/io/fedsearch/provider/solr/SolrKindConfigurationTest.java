package io.fedsearch.provider.solr;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.provider.ProviderKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Offering the kind is having the module on the classpath: Spring Boot finds its auto-configuration. */
class SolrKindConfigurationTest {

    @Test
    void isListedForSpringBootToFind() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(SolrKindConfiguration.class.getName());
    }

    @Test
    void declaresTheSolrKindWithItsSettingsRecord() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SolrKindConfiguration.class)).run(context -> {
            ProviderKind<?> kind = context.getBean(ProviderKind.class);
            assertThat(kind.type()).isEqualTo("solr");
            assertThat(kind.settingsType()).isEqualTo(SolrSettings.class);
        });
    }
}
