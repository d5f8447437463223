package io.fedsearch.state;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code /actuator/health} component {@code redis}: UP while the shared Redis answers, {@link #DEGRADED} while it
 * does not. DEGRADED is answered with HTTP 200 and ranks between DOWN and UP
 * ({@code management.endpoint.health.status.*} in application.yml), so the whole health reads DEGRADED but
 * neither liveness nor readiness turns the replica away: it goes on answering with local fallbacks. Reads only
 * the state the probe keeps, so it answers at once whatever Redis does.
 */
final class RedisHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED",
            "Redis unreachable: per-replica rate limits, local recent lists, no events between replicas");

    private final SharedRedis redis;

    RedisHealthIndicator(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        SharedRedis.Outage outage = redis.outage();
        Health.Builder health = outage == null ? Health.up() : Health.status(DEGRADED)
                .withDetail("down_since", outage.since().toString())
                .withDetail("reason", outage.reason());
        return health.withDetail("replicas", redis.replicas())
                .withDetail("timeout_ms", redis.timeout().toMillis())
                .build();
    }
}
