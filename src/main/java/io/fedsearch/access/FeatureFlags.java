package io.fedsearch.access;

/**
 * Run-time switches: one per provider ({@code provider.<id>}) and one per feature ({@code history},
 * {@code recent}, {@code trending}, {@code suggest}). A flag nobody set is on.
 */
public interface FeatureFlags {

    boolean enabled(String name);

    static String provider(String id) {
        return "provider." + id;
    }
}
