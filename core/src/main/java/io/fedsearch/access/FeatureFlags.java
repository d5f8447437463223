package io.fedsearch.access;

/**
 * Run-time switches: one per provider ({@code provider.<id>}) and one per feature ({@code history},
 * {@code recent}, {@code trending}, {@code suggest}). A flag nobody set is on. Changes (admin override, flags
 * file, reload) take effect on the next request, without restart.
 */
public interface FeatureFlags {

    boolean enabled(String name);

    static String provider(String id) {
        return "provider." + id;
    }

    /**
     * For endpoints behind a feature flag: returns when the feature is on, else throws
     * {@link FeatureOffException}, answered 404 problem+json of type {@code /problems/feature-off}.
     */
    default void require(String name) {
        if (!enabled(name)) {
            throw new FeatureOffException(name);
        }
    }
}
