package io.fedsearch.access;

import java.util.Set;

/**
 * A stored API key, without its secret.
 *
 * @param prefix    the first characters of the secret, to recognise it in listings
 * @param providers non-public providers the key itself grants (entitlements of its principal add to these)
 * @param perSecond burst limit, calls per second
 * @param perHour   calls per hour
 * @param createdAt unix epoch milliseconds
 * @param revokedAt unix epoch milliseconds, null while the key is valid
 */
record ApiKey(String id, String prefix, String principal, boolean admin, Set<String> providers, int perSecond,
              int perHour, long createdAt, Long revokedAt) {

    ApiKey {
        providers = Set.copyOf(providers);
    }
}
