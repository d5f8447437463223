package io.fedsearch.search;

import io.fedsearch.search.internal.FanOut;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Follows one search while it runs (the stream): told once the providers are chosen, then each provider's outcome
 * the moment it is known, and able to cancel the calls still running when the client goes away. A plain search
 * uses {@link #NONE}, which leaves its tasks untouched.
 *
 * <p>Each watched task claims its outcome once, whether its call returns or the fan-out gives it up, so the
 * outcome told here is the one the answer holds even when a call returns just as it is abandoned. Listeners run
 * on provider threads and must not block.
 */
final class Progress {

    static final Progress NONE = new Progress(() -> { }, outcome -> { });

    private final Runnable started;
    private final Consumer<ProviderOutcome> decided;
    private final AtomicBoolean told = new AtomicBoolean();
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /**
     * @param started called once, when the providers are chosen (a bad {@code providers} parameter fails before)
     * @param decided called once per provider with its outcome
     */
    Progress(Runnable started, Consumer<ProviderOutcome> decided) {
        this.started = started;
        this.decided = decided;
    }

    /** A provider that is not called (disabled, not entitled, cannot search the asked fields). */
    void decided(ProviderOutcome outcome) {
        start();
        decided.accept(outcome);
    }

    /** The task as run under this progress: its outcome told once, its thread cancellable. */
    FanOut.Task watch(FanOut.Task task) {
        if (this == NONE) return task;
        start();
        var claimed = new AtomicReference<ProviderOutcome>();
        return new FanOut.Task(() -> {
            Thread self = Thread.currentThread();
            running.add(self);
            try {
                if (cancelled) self.interrupt();
                return claim(claimed, task.call().call());
            } finally {
                running.remove(self);
            }
        }, tookMs -> {
            ProviderOutcome known = claimed.get();
            return known != null ? known : claim(claimed, task.abandoned().apply(tookMs));
        });
    }

    /**
     * The client went away: interrupts every call still running, which cancels its HTTP exchange. The calls then
     * end as timeouts (or stale answers) and the search is answered and recorded as usual.
     */
    void cancel() {
        cancelled = true;
        running.forEach(Thread::interrupt);
    }

    private void start() {
        if (told.compareAndSet(false, true)) started.run();
    }

    private ProviderOutcome claim(AtomicReference<ProviderOutcome> claimed, ProviderOutcome outcome) {
        if (claimed.compareAndSet(null, outcome)) {
            decided.accept(outcome);
            return outcome;
        }
        return claimed.get();
    }
}
