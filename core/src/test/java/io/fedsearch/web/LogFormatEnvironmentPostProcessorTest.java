package io.fedsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LogFormatEnvironmentPostProcessorTest {

    @Test
    void switchesTheConsoleToJsonLinesWhenLogFormatIsJson() {
        var environment = new MockEnvironment().withProperty("LOG_FORMAT", "json");
        new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void leavesPlainTextOtherwise() {
        var environment = new MockEnvironment();
        new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }
}
