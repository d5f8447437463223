package io.fedsearch.insights;

import io.fedsearch.access.FeatureFlags;

/** The feature behind this endpoint is switched off by its flag: answered 404 problem+json. */
final class FeatureOffException extends RuntimeException {

    FeatureOffException(String feature) {
        super("feature '" + feature + "' is switched off", null, false, false);
    }

    /** Refuses the request when {@code fedsearch.flags.<feature>} is off (to be aligned with access's helper). */
    static void require(FeatureFlags flags, String feature) {
        if (!flags.enabled(feature)) {
            throw new FeatureOffException(feature);
        }
    }
}
