package io.fedsearch.search;

import io.fedsearch.provider.InvalidConfigurationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code fedsearch.search.*}, checked at start-up: a bad value stops the start naming the key.
 *
 * @param defaultTimeout  the request deadline when the caller gives no timeout_ms; 50ms..10s, as timeout_ms
 * @param grace           how long past the deadline the answer may wait for calls to report their own timeout; 0..1s
 * @param maxUpstreamBody the longest upstream answer read; a longer one fails that provider's call
 */
@ConfigurationProperties("fedsearch.search")
record SearchProperties(@DefaultValue("2000ms") Duration defaultTimeout, @DefaultValue("20ms") Duration grace,
                        @DefaultValue("10MB") DataSize maxUpstreamBody) {

    SearchProperties {
        if (defaultTimeout == null || defaultTimeout.toMillis() < 50 || defaultTimeout.toMillis() > 10_000) {
            throw new InvalidConfigurationException("fedsearch.search.default-timeout", defaultTimeout,
                    "a duration from 50ms to 10s");
        }
        if (grace == null || grace.isNegative() || grace.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new InvalidConfigurationException("fedsearch.search.grace", grace, "a duration from 0 to 1s");
        }
        if (maxUpstreamBody == null || maxUpstreamBody.toBytes() <= 0) {
            throw new InvalidConfigurationException("fedsearch.search.max-upstream-body", maxUpstreamBody,
                    "a positive size such as 10MB");
        }
    }
}
