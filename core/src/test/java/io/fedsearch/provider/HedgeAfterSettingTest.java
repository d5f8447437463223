package io.fedsearch.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fedsearch.FedsearchApplication;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** {@code hedge-after} is p95 or a positive duration; anything else stops the start naming the key. */
class HedgeAfterSettingTest {

    @Test
    void readsP95OrADurationAndNothingAsNoHedging() {
        assertThat(HedgeAfter.parse("p95").p95()).isTrue();
        assertThat(HedgeAfter.parse("150ms").delay()).isEqualTo(Duration.ofMillis(150));
        assertThat(HedgeAfter.parse(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0ms", "-1s", "p99"})
    void refusesAnythingElseNamingTheKey(String value) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(FedsearchApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run("--fedsearch.providers.j.type=json", "--fedsearch.providers.j.url=http://h/?q={query}",
                        "--fedsearch.providers.j.results-path=/items", "--fedsearch.providers.j.fields.title=/t",
                        "--fedsearch.providers.j.hedge-after=" + value).close());
        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("failure analysed: " + failure).isNotNull();
        assertThat(analysis.getDescription())
                .contains("fedsearch.providers.j.hedge-after: '" + value + "' is not allowed").doesNotContain("\n");
    }
}
