package io.fedsearch.provider;

/**
 * A configuration value is wrong; the message is one line naming the key, the value and what is allowed.
 * A kind's settings record throws it from its compact constructor with the key relative to the provider
 * ({@code url}, {@code fields.title}); the core names the whole key ({@code fedsearch.providers.<id>.url}).
 */
public class InvalidConfigurationException extends RuntimeException {

    private final String key;
    private final Object value;
    private final String allowed;

    public InvalidConfigurationException(String key, Object value, String allowed) {
        super(key + ": '" + value + "' is not allowed; " + allowed);
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }

    /** The same complaint with its key under {@code prefix}, e.g. {@code fedsearch.providers.crm}. */
    public InvalidConfigurationException under(String prefix) {
        return new InvalidConfigurationException(prefix + "." + key, value, allowed);
    }
}
