package io.fedsearch.search.internal;

import io.fedsearch.search.ProviderOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;

/**
 * Calls providers in parallel, one virtual thread each, and returns when all have answered or the deadline
 * (plus a small grace for calls to report their own timeout) has passed. Calls still running then are
 * interrupted; their outcome comes from {@link Task#abandoned}. A provider call's transport is not interrupted with
 * them: it runs on its own thread under the provider's timeout (see {@link ProviderCall}), so an answer that comes
 * after the request's deadline still fills the cache.
 */
@Component
public class FanOut implements AutoCloseable {

    /**
     * One provider's work.
     *
     * @param call      produces the outcome; must not throw
     * @param abandoned the outcome when the call is given up, given how long it ran (ms)
     */
    public record Task(Callable<ProviderOutcome> call, LongFunction<ProviderOutcome> abandoned) {
    }

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public List<ProviderOutcome> run(List<Task> tasks, Deadline deadline, long graceNanos) throws InterruptedException {
        long start = System.nanoTime();
        List<Future<ProviderOutcome>> futures = threads.invokeAll(tasks.stream().map(Task::call).toList(),
                deadline.remainingNanos() + graceNanos, TimeUnit.NANOSECONDS);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        var outcomes = new ArrayList<ProviderOutcome>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            outcomes.add(outcome(futures.get(i), tasks.get(i), tookMs));
        }
        return outcomes;
    }

    private static ProviderOutcome outcome(Future<ProviderOutcome> future, Task task, long tookMs) {
        try {
            return future.get();
        } catch (CancellationException | ExecutionException | InterruptedException e) {
            return task.abandoned().apply(tookMs);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
