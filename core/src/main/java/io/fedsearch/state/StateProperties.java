package io.fedsearch.state;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.state.*}: the shared Redis of a scale-out deployment.
 *
 * @param redisUrl     the shared Redis, e.g. {@code redis://redis:6379/0}; none (the default) keeps everything in
 *                     process
 * @param redisTimeout the longest any caller waits on Redis for one command (default 200ms); past it the command
 *                     fails and the caller falls back (local rate-limit bucket, local recent list, no broadcast)
 * @param replicas     how many replicas the operator runs against this Redis (default 1): while Redis is down each
 *                     replica limits callers to 1/N of their budget, so that together they stay near it. Set it
 *                     with the deployment, e.g. {@code FEDSEARCH_STATE_REPLICAS=3} next to {@code replicas: 3}
 */
@ConfigurationProperties("fedsearch.state")
record StateProperties(String redisUrl,
                       @DefaultValue("200ms") Duration redisTimeout,
                       @DefaultValue("1") int replicas) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);

    StateProperties {
        if (redisTimeout.compareTo(Duration.ofMillis(1)) < 0 || redisTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("fedsearch.state.redis-timeout must be between 1ms and 10s, not " + redisTimeout);
        }
        if (replicas < 1 || replicas > 10_000) {
            throw new IllegalArgumentException("fedsearch.state.replicas must be between 1 and 10000, not " + replicas);
        }
    }
}
