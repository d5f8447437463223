package io.fedsearch.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** {@code LOG_FORMAT=json} switches the console to structured JSON lines (Logstash layout) before logging starts. */
class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("json".equalsIgnoreCase(environment.getProperty("LOG_FORMAT", ""))) {
            environment.getPropertySources().addFirst(new MapPropertySource("fedsearchLogFormat",
                    Map.of("logging.structured.format.console", "logstash")));
        }
    }
}
