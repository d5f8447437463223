package io.fedsearch.history.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.health.db.*}: the background probe behind the {@code db} health component. Checked at start-up.
 *
 * @param probeInterval pause between two probes (default 2 s): how stale the health answer may be
 * @param probeTimeout  a probe not done within this (borrowing a pooled connection and validating it) marks the
 *                      database DOWN (default 1 s); it also bounds the JDBC validation, rounded up to whole seconds
 */
@ConfigurationProperties("fedsearch.health.db")
record DatabaseHealthProperties(@DefaultValue("2s") Duration probeInterval, @DefaultValue("1s") Duration probeTimeout) {

    DatabaseHealthProperties {
        if (probeInterval.toMillis() <= 0) {
            throw new IllegalArgumentException("fedsearch.health.db.probe-interval must be positive");
        }
        if (probeTimeout.toMillis() <= 0) {
            throw new IllegalArgumentException("fedsearch.health.db.probe-timeout must be positive");
        }
    }
}
