package io.fedsearch.resilience;

/** The guard did not let a call through; {@link #reason()} says which of its parts refused. */
public class ProviderCallRefusedException extends RuntimeException {

    /** Which part of the guard refused. */
    public enum Reason {
        /** the breaker is open, or the provider is suspended after an upstream 429/503 */
        CIRCUIT_OPEN,
        /** max-concurrency calls are already in flight, or no min-interval slot within the deadline */
        REJECTED
    }

    private final Reason reason;

    public ProviderCallRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
