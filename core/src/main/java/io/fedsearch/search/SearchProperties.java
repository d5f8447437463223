package io.fedsearch.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.search.*}.
 *
 * @param defaultTimeout the request deadline when the caller gives no timeout_ms
 * @param grace          how long past the deadline the answer may wait for calls to report their own timeout
 */
@ConfigurationProperties("fedsearch.search")
record SearchProperties(@DefaultValue("2000ms") Duration defaultTimeout, @DefaultValue("20ms") Duration grace) {
}
