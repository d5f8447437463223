package io.fedsearch.search.internal;

import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import io.fedsearch.provider.UpstreamTransport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.util.unit.DataSize;

/**
 * The one HTTP client every provider's calls go through. A call that is not fully answered (headers and whole
 * body) by its deadline, or whose thread is interrupted, is cancelled: the JDK client then aborts the exchange and
 * closes its connection, so nothing is left running against a slow upstream. A body longer than
 * {@code fedsearch.search.max-upstream-body} (10MB) fails the call the same way (the JDK's {@code BodySubscribers.limiting}); the body of
 * a 429 or 5xx answer is not read at all.
 */
public class UpstreamClient implements UpstreamTransport, AutoCloseable {

    static final String USER_AGENT = "Fedsearch/0.1 (+https://github.com/fedsearch/fedsearch)";
    private static final byte[] NO_BODY = new byte[0];
    private static final Duration SAFETY_NET = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final long maxBody;

    /** @param maxBody the longest answer read ({@code fedsearch.search.max-upstream-body}, checked there) */
    public UpstreamClient(DataSize maxBody) {
        this.maxBody = maxBody.toBytes();
    }

    @Override
    public UpstreamResponse send(UpstreamRequest request, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        return send(request, Deadline.in(timeout));
    }

    /**
     * Sends one request and waits for the whole answer until {@code deadline}.
     *
     * @throws TimeoutException     when the deadline passed first (the exchange is cancelled)
     * @throws InterruptedException when the caller gave up (the exchange is cancelled)
     * @throws IOException          when the connection failed
     * @throws UpstreamFailureException when the body is longer than {@code fedsearch.search.max-upstream-body}
     */
    public UpstreamResponse send(UpstreamRequest request, Deadline deadline)
            throws IOException, InterruptedException, TimeoutException {
        var body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        // One timeout: ours below, which cancels the exchange at the deadline. The client's own request timeout
        // is only a safety net, far enough behind that it never fires first: when both fired together every hung
        // call also raised an HttpTimeoutException on the client's selector thread, through its timer lock,
        // racing our cancel, in the very burst of work that the deadline of many searches is (docs/benchmarks.md).
        var builder = HttpRequest.newBuilder(request.uri()).method(request.method(), body)
                .timeout(deadline.remaining().plus(SAFETY_NET))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json, application/atom+xml;q=0.9, */*;q=0.5");
        request.headers().forEach(builder::setHeader);
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(builder.build(), this::body);
        try {
            HttpResponse<byte[]> answer = call.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            return new UpstreamResponse(answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(null),
                    answer.headers().firstValue("Retry-After").orElse(null), answer.body());
        } catch (TimeoutException | InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException timeout) {
                throw new TimeoutException(timeout.getMessage());
            }
            // The JDK's limiting subscriber says only "body exceeds capacity"; UpstreamClientTest pins that wording.
            if (e.getCause() instanceof IOException io && String.valueOf(io.getMessage()).startsWith("body exceeds capacity")) {
                throw tooLarge();
            }
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof UpstreamFailureException tooLarge) throw tooLarge;
            throw new IOException(e.getCause());
        }
    }

    /**
     * The body of a 429 or 5xx answer is never read (the call fails on its status; 429 and 503 suspend the provider
     * for its Retry-After), so it is not waited for at all: the exchange is cancelled as soon as the headers are in.
     * An error page that is huge, or trickles in, must not turn an upstream's "back off" into a plain failure or a
     * timeout that ignores its Retry-After. Closing that connection costs a new one on the next call, which is rare.
     */
    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        if (info.statusCode() == 429 || info.statusCode() >= 500) return new Unread(null);
        // A body declared too long is refused before a byte of it is read; one that only turns out too long (no
        // Content-Length, or a wrong one) is cut by the JDK's own limit as it streams in.
        if (info.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBody) return new Unread(tooLarge());
        return HttpResponse.BodySubscribers.limiting(HttpResponse.BodySubscribers.ofByteArray(), maxBody);
    }

    private UpstreamFailureException tooLarge() {
        return new UpstreamFailureException(
                "upstream answer larger than " + maxBody + " bytes (fedsearch.search.max-upstream-body)");
    }

    /**
     * Reads nothing, cancels the rest of the exchange at once, and completes with no body or with {@code failure}.
     */
    private record Unread(UpstreamFailureException failure) implements HttpResponse.BodySubscriber<byte[]> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return failure == null ? CompletableFuture.completedFuture(NO_BODY) : CompletableFuture.failedFuture(failure);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
