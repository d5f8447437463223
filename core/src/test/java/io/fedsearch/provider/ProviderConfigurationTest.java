package io.fedsearch.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fedsearch.FedsearchApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad provider setting stops the start with one line naming the key and what is allowed. */
class ProviderConfigurationTest {

    @Test
    void refusesAnUnknownType() {
        assertStartFails("Invalid configuration: fedsearch.providers.bad.type: 'nope' is not allowed; one of ",
                "--fedsearch.providers.bad.type=nope");
    }

    @Test
    void refusesABadId() {
        assertStartFails("fedsearch.providers.Bad_Id: 'Bad_Id' is not allowed",
                "--fedsearch.providers.Bad_Id.type=json");
    }

    @Test
    void refusesANonPositiveTimeoutAndWeight() {
        assertStartFails("fedsearch.providers.j.timeout: 'PT0S' is not allowed",
                "--fedsearch.providers.j.type=json", "--fedsearch.providers.j.url=http://h/?q={query}",
                "--fedsearch.providers.j.results-path=/items", "--fedsearch.providers.j.fields.title=/t",
                "--fedsearch.providers.j.timeout=0s");
        assertStartFails("fedsearch.providers.j.weight: '-1.0' is not allowed",
                "--fedsearch.providers.j.type=json", "--fedsearch.providers.j.url=http://h/?q={query}",
                "--fedsearch.providers.j.results-path=/items", "--fedsearch.providers.j.fields.title=/t",
                "--fedsearch.providers.j.weight=-1");
    }

    @Test
    void refusesAJsonProviderWithoutQueryPlaceholderOrWithABadPointer() {
        assertStartFails("fedsearch.providers.j.url: 'http://h/search' is not allowed",
                "--fedsearch.providers.j.type=json", "--fedsearch.providers.j.url=http://h/search");
        assertStartFails("fedsearch.providers.j.results-path: 'items' is not allowed",
                "--fedsearch.providers.j.type=json", "--fedsearch.providers.j.url=http://h/?q={query}",
                "--fedsearch.providers.j.results-path=items");
    }

    private static void assertStartFails(String line, String... args) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(FedsearchApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run(args).close());
        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("failure analysed: " + failure).isNotNull();
        assertThat(analysis.getDescription()).contains(line).doesNotContain("\n");
    }
}
