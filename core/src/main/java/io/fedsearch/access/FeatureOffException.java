package io.fedsearch.access;

/**
 * A feature flagged off was asked for: answered 404 problem+json, type {@code /problems/feature-off}, naming the
 * flag in {@code feature}. 404 because, while off, the endpoint is not part of the service.
 */
public class FeatureOffException extends RuntimeException {

    private final String feature;

    public FeatureOffException(String feature) {
        super("feature " + feature + " is off", null, false, false);
        this.feature = feature;
    }

    public String feature() {
        return feature;
    }
}
