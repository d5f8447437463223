package io.fedsearch.provider;

/** A configuration value is wrong; the message is one line naming the key, the value and what is allowed. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String key, Object value, String allowed) {
        super(key + ": '" + value + "' is not allowed; " + allowed);
    }
}
