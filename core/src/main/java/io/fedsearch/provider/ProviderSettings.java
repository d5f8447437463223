package io.fedsearch.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The keys every provider has under {@code fedsearch.providers.<id>}; each kind binds its own keys into a record of
 * its own ({@link ProviderKind#settingsType()}). Checked when bound: a bad value stops the start with one line naming
 * the key (relative here, {@link ProviderCatalog} names the whole key).
 *
 * @param type           the kind, e.g. json; required
 * @param enabled        off = never called, listed as disabled
 * @param timeout        the provider's own deadline; the request's deadline still caps it
 * @param slow           left out unless asked for by name or with include_slow=true
 * @param publicAccess   {@code public}: callable without an entitlement, anonymous callers included
 * @param weight         weight in reciprocal rank fusion, &gt; 0
 * @param maxConcurrency calls in flight at once, more are rejected; null = the kind's default (32, arXiv 1)
 * @param minInterval    outbound politeness between two calls; null = the kind's default (none, arXiv 3s)
 * @param cacheTtl       identical calls within this are served from memory; failures fall back to answers up
 *                       to 10 x this old
 * @param hedgeAfter     {@code p95} or a duration: a call not answered by then gets a second identical one (at most
 *                       5 % extra calls); null = no hedging
 */
public record ProviderSettings(
        String type,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("false") boolean slow,
        @Name("public") @DefaultValue("true") boolean publicAccess,
        @DefaultValue("1.0") double weight,
        Integer maxConcurrency,
        Duration minInterval,
        @DefaultValue("60s") Duration cacheTtl,
        String hedgeAfter) {

    public ProviderSettings {
        if (type == null || type.isBlank()) {
            throw new InvalidConfigurationException("type", type, "the kind of provider, e.g. json");
        }
        positive("timeout", timeout);
        positive("cache-ttl", cacheTtl);
        if (minInterval != null && minInterval.isNegative()) {
            throw new InvalidConfigurationException("min-interval", minInterval, "zero or a positive duration");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new InvalidConfigurationException("weight", weight, "a number greater than 0");
        }
        if (maxConcurrency != null && maxConcurrency < 1) {
            throw new InvalidConfigurationException("max-concurrency", maxConcurrency, "a whole number from 1");
        }
        HedgeAfter.parse(hedgeAfter); // only to check it: a bad value stops the start naming the key
    }

    /** The parsed {@code hedge-after}; null = no hedging. */
    public HedgeAfter hedge() {
        return HedgeAfter.parse(hedgeAfter);
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidConfigurationException(key, value, "a positive duration such as 500ms or 2s");
        }
    }
}
