package io.fedsearch.access;

import io.fedsearch.provider.InvalidConfigurationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.flags.file} and {@code fedsearch.flags.refresh}; every other {@code fedsearch.flags.<name>}
 * key is a flag itself (so "file" and "refresh" cannot be flag names).
 *
 * @param file    a .properties or .yml/.yaml file of {@code name=true|false}; null = none. A missing or broken
 *                file is logged and keeps the last good values.
 * @param refresh how often the flags file and the stored overrides are read again (default 10m)
 */
@ConfigurationProperties("fedsearch.flags")
record FlagsProperties(String file, @DefaultValue("10m") Duration refresh) {

    FlagsProperties {
        if (file != null && file.isBlank()) file = null;
        if (refresh == null || refresh.isZero() || refresh.isNegative()) {
            throw new InvalidConfigurationException("fedsearch.flags.refresh", refresh, "a positive duration such as 10m");
        }
    }
}
