package io.fedsearch.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fedsearch.FedsearchApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Every module's config record checks itself when bound: a bad value stops the start with one line naming the key. */
class ConfigurationRecordsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "fedsearch.search.default-timeout, 5ms",
            "fedsearch.search.grace, -1ms",
            "fedsearch.search.max-upstream-body, 0B",
            "fedsearch.resilience.failure-rate, 0",
            "fedsearch.resilience.max-open-wait, 1s",
            "fedsearch.access.default-per-second, 0",
            "fedsearch.access.key-cache-ttl, 0s",
            "fedsearch.flags.refresh, 0s",
            "fedsearch.compat.history, maybe",
    })
    void refusesABadValueNamingItsKey(String key, String value) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(FedsearchApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run("--" + key + "=" + value).close());
        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("failure analysed: " + failure).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Invalid configuration: " + key + ": ").doesNotContain("\n");
    }
}
