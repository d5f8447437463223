package io.fedsearch.provider;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A provider that reaches an upstream which is not HTTP (a database, a directory) with its own client. The core
 * runs {@link #search} on a virtual thread under the same guard as a remote call and, when the call's deadline
 * passes or its client goes away, interrupts that thread. So the provider gets its time budget as an argument, and
 * owes the core two things: the upstream stops working on the query once the budget is spent, and it stops at
 * once when the thread is interrupted.
 */
public non-sealed interface DirectSearchProvider extends SearchProvider {

    /**
     * Runs one query; must be safe to call from many threads at once.
     *
     * @param timeLeft what is left of the call's deadline when the call starts, positive; the upstream's own
     *                 timeout should be set to it (the core's interrupt ends the call at the deadline anyway)
     * @throws InterruptedException when the calling thread is interrupted: the call was cancelled or its deadline
     *                              passed. Thrown after the upstream was told to stop (for JDBC: Statement.cancel)
     * @throws TimeoutException     when the upstream gave up at {@code timeLeft}: reported as a timeout
     * @throws UpstreamFailureException when the upstream refused the query and said why: reported as an error
     */
    ProviderPage search(ProviderQuery query, Duration timeLeft) throws InterruptedException, TimeoutException;
}
