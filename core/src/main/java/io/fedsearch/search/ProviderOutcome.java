package io.fedsearch.search;

import io.fedsearch.provider.ProviderPage;
import java.net.URI;

/** What became of one provider in one search. Every caller handles all three cases. */
public sealed interface ProviderOutcome {

    String provider();

    ProviderStatus status();

    long tookMs();

    /** What was sent upstream and what came back; both null when nothing was sent. */
    record Trace(URI uri, Integer httpStatus) {
        public static final Trace NONE = new Trace(null, null);
    }

    /** The provider answered (or, when {@code stale}, a cached answer stood in for a failure). */
    record Succeeded(String provider, long tookMs, ProviderPage page, boolean stale, Trace trace) implements ProviderOutcome {
        @Override
        public ProviderStatus status() {
            return ProviderStatus.OK;
        }
    }

    /** The provider was called, or refused by its guard, and gave no answer; {@code error} is one line. */
    record Failed(String provider, ProviderStatus status, long tookMs, String error, Trace trace) implements ProviderOutcome {
    }

    /** The provider was not called: disabled, or the caller is not entitled to it. */
    record Skipped(String provider, ProviderStatus status) implements ProviderOutcome {
        @Override
        public long tookMs() {
            return 0;
        }
    }
}
