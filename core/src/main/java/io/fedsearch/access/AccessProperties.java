package io.fedsearch.access;

import io.fedsearch.provider.InvalidConfigurationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.access.*}.
 *
 * @param keyCacheTtl      how long a resolved API key is reused without asking the store (default 30s); a revoke
 *                         is immediate on the node that did it and, with Redis, on every replica; without Redis
 *                         other replicas honour it within this time
 * @param entitlementTtl   how long a principal's resolved entitlements and provider user ids are kept (default 4h)
 * @param itemCheckTtl     how long an item-check answer (per provider, principal and item id) is kept (default 5m)
 * @param defaultPerSecond a new key's burst limit when the admin gives none (default 20 calls per second)
 * @param defaultPerHour   a new key's hourly limit when the admin gives none (default 10,000 calls per hour)
 * @param anonymous        the limits for callers without a key, per client address
 */
@ConfigurationProperties("fedsearch.access")
record AccessProperties(@DefaultValue("30s") Duration keyCacheTtl,
                        @DefaultValue("4h") Duration entitlementTtl,
                        @DefaultValue("5m") Duration itemCheckTtl,
                        @DefaultValue("20") int defaultPerSecond,
                        @DefaultValue("10000") int defaultPerHour,
                        @DefaultValue Anonymous anonymous) {

    /**
     * @param perSecond calls per second per client address (default 5)
     * @param perHour   calls per hour per client address (default 1,000)
     */
    record Anonymous(@DefaultValue("5") int perSecond, @DefaultValue("1000") int perHour) {
    }

    AccessProperties {
        positive("key-cache-ttl", keyCacheTtl);
        positive("entitlement-ttl", entitlementTtl);
        positive("item-check-ttl", itemCheckTtl);
        atLeastOne("default-per-second", defaultPerSecond);
        atLeastOne("default-per-hour", defaultPerHour);
        atLeastOne("anonymous.per-second", anonymous.perSecond());
        atLeastOne("anonymous.per-hour", anonymous.perHour());
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidConfigurationException("fedsearch.access." + key, value, "a positive duration such as 30s");
        }
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) throw new InvalidConfigurationException("fedsearch.access." + key, value, "a whole number from 1");
    }
}
