package io.fedsearch.provider;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The core's one HTTP client, for the calls a kind makes outside a query (an index refresh): the same body limit,
 * whole-call deadline and cancellation as every provider call. A kind's auto-configuration takes it as a bean.
 */
public interface UpstreamTransport {

    /**
     * Sends one request and waits for the whole answer for at most {@code timeout}. A 429 or 5xx answer comes back
     * with an empty body.
     *
     * @throws TimeoutException         when the answer was not complete in time (the exchange is cancelled)
     * @throws InterruptedException     when the calling thread was interrupted (the exchange is cancelled)
     * @throws IOException              when the connection failed
     * @throws UpstreamFailureException when the body is longer than the core's limit
     */
    UpstreamResponse send(UpstreamRequest request, Duration timeout)
            throws IOException, InterruptedException, TimeoutException;
}
