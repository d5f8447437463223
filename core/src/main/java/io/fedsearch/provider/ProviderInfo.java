package io.fedsearch.provider;

import java.time.Duration;

/**
 * A provider's common settings after defaults are applied: what the search core needs to run it.
 *
 * @param hedgeAfter when a slow call gets a second identical one; null = never
 */
public record ProviderInfo(String id, String type, boolean enabled, boolean slow, boolean publicAccess,
                           double weight, Duration timeout, int maxConcurrency, Duration minInterval,
                           Duration cacheTtl, HedgeAfter hedgeAfter) {
}
