package io.fedsearch.search.internal;

import io.fedsearch.provider.UpstreamFailureException;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An upstream answer's body, collected up to {@code max} bytes. A longer one (declared by Content-Length or found
 * while streaming) cancels the exchange and fails the call, so one provider answering megabytes by mistake or on
 * purpose cannot fill the heap of a service that holds many answers at once.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long max;
    private final long declared;
    private final ByteArrayOutputStream bytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private LimitedBody(long max, long declared) {
        this.max = max;
        this.declared = declared;
        this.bytes = new ByteArrayOutputStream((int) Math.clamp(declared, 256, Math.min(max, 1 << 20)));
    }

    /** The body of the answer {@code info} describes, held to {@code max} bytes. */
    static LimitedBody upTo(long max, HttpResponse.ResponseInfo info) {
        return new LimitedBody(max, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declared > max) {
            tooLarge();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) return;
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > max) {
                tooLarge();
                return;
            }
            if (buffer.hasArray()) {
                bytes.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            } else {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }
    }

    private void tooLarge() {
        // Completed before the cancel, so this message, not the client's "cancelled", is what the call fails with.
        result.completeExceptionally(new UpstreamFailureException(
                "upstream answer larger than " + max + " bytes (fedsearch.search.max-upstream-body)"));
        subscription.cancel();
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
