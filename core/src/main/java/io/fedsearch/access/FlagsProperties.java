package io.fedsearch.access;

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
}
