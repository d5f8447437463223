package io.fedsearch.provider;

/** The upstream answered with an error it described itself; the message is shown as the provider's error. */
public class UpstreamFailureException extends RuntimeException {

    public UpstreamFailureException(String message) {
        super(message);
    }
}
