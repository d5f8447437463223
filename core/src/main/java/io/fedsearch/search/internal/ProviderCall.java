package io.fedsearch.search.internal;

import io.fedsearch.provider.DirectSearchProvider;
import io.fedsearch.provider.HttpSearchProvider;
import io.fedsearch.provider.IndexedSearchProvider;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.UpstreamFailureException;
import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import io.fedsearch.resilience.ProviderCallRefusedException;
import io.fedsearch.resilience.ProviderGuard;
import io.fedsearch.resilience.ProviderGuards;
import io.fedsearch.search.ProviderOutcome;
import io.fedsearch.search.ProviderOutcome.Failed;
import io.fedsearch.search.ProviderOutcome.Succeeded;
import io.fedsearch.search.ProviderOutcome.Trace;
import io.fedsearch.search.ProviderStatus;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one provider for one query: cache, coalescing of identical calls in flight, hedging, guard, transport,
 * parse, and the turning of every exception into the provider's outcome. Nothing thrown here escapes: a
 * provider's failure is data, never an HTTP error.
 */
@Component
public class ProviderCall implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProviderCall.class);
    private final UpstreamClient client;
    private final ProviderCache cache;
    private final ProviderGuards guards;

    private final InFlightCalls inFlight = new InFlightCalls();
    private final Hedging hedging = new Hedging();

    ProviderCall(UpstreamClient client, ProviderCache cache, ProviderGuards guards) {
        this.client = client;
        this.cache = cache;
        this.guards = guards;
    }

    public ProviderOutcome run(ProviderCatalog.Entry entry, ProviderQuery query, Deadline requestDeadline) {
        ProviderInfo info = entry.info();
        long start = System.nanoTime();
        var held = cache.fresh(info, query);
        if (held.isPresent()) {
            log.debug("provider {}: served from cache", info.id());
            ProviderCallObservation.mark(ProviderCallObservation.CACHE, "hit");
            return new Succeeded(info.id(), millisSince(start), held.get().page(), false,
                    new Trace(held.get().uri(), held.get().httpStatus()));
        }
        Deadline deadline = requestDeadline.capped(info.timeout());
        // The shared call runs under the provider's own timeout, each caller waits only until its own deadline: a
        // call cut off by a short request deadline runs on in the background (still inside the provider's
        // bulkhead) and its answer fills the cache for the next caller.
        Deadline callDeadline = Deadline.in(info.timeout());
        var joined = inFlight.join(new InFlightCalls.Key(info.id(), query),
                shared -> hedging.call(info, guards.forProvider(info.id()), callDeadline,
                        () -> fetch(entry, query, callDeadline, shared.sent()), () -> shared.hedged().set(true)));
        if (joined.coalesced()) {
            log.debug("provider {}: joined an identical call in flight", info.id());
            ProviderCallObservation.mark(ProviderCallObservation.COALESCED, "true");
        }
        InFlightCalls.Fetched fetched = await(joined.shared(), deadline);
        // The hedge runs on the shared call's thread; its span attribute is set here, on the observed one.
        if (joined.shared().hedged().get()) ProviderCallObservation.mark(ProviderCallObservation.HEDGED, "true");
        if (fetched.page() != null) {
            log.debug("provider {}: ok, {} hits in {} ms", info.id(), fetched.page().hits().size(), millisSince(start));
            return new Succeeded(info.id(), millisSince(start), fetched.page(), false, fetched.trace());
        }
        Failed failed = failure(info, fetched.error(), millisSince(start), fetched.trace());
        log.debug("provider {}: {} ({})", info.id(), failed.status().wire(), failed.error());
        // Only the fresh call is shared: each caller falls back to a stale answer by its own rules.
        return staleOr(info, query, failed);
    }

    /** The shared call's end, or a timeout of this caller alone when its deadline comes first. */
    private static InFlightCalls.Fetched await(InFlightCalls.Shared shared, Deadline deadline) {
        try {
            return shared.result().get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            return new InFlightCalls.Fetched(null, e, trace(shared.sent().get(), null));
        } catch (ExecutionException e) {
            return new InFlightCalls.Fetched(null, e, trace(shared.sent().get(), null));
        }
    }

    /** One call through the guard; a page is kept in the cache for the next caller. */
    private InFlightCalls.Fetched fetch(ProviderCatalog.Entry entry, ProviderQuery query, Deadline deadline,
                                        AtomicReference<UpstreamRequest> sent) {
        ProviderInfo info = entry.info();
        ProviderGuard guard = guards.forProvider(info.id());
        var answered = new AtomicReference<UpstreamResponse>();
        try {
            ProviderPage page = guard.call(deadline.remaining(), () -> switch (entry.provider()) {
                case HttpSearchProvider http -> fetch(http, guard, query, deadline, sent, answered);
                case IndexedSearchProvider indexed -> indexed.search(query);
                case DirectSearchProvider direct -> direct.search(query, deadline.remaining());
            });
            Trace trace = trace(sent.get(), answered.get());
            cache.put(info, query, new ProviderCache.Held(page, trace.uri(), trace.httpStatus(), System.nanoTime()));
            return new InFlightCalls.Fetched(page, null, trace);
        } catch (Exception e) {
            return new InFlightCalls.Fetched(null, e, trace(sent.get(), answered.get()));
        }
    }

    /** The outcome of a call the fan-out gave up on: a stale answer if one is held, else a timeout. */
    public ProviderOutcome abandoned(ProviderInfo info, ProviderQuery query, long tookMs) {
        return staleOr(info, query, timedOut(info, tookMs, Trace.NONE));
    }

    private ProviderOutcome staleOr(ProviderInfo info, ProviderQuery query, Failed failed) {
        return cache.stale(info, query)
                .<ProviderOutcome>map(h -> new Succeeded(info.id(), failed.tookMs(), h.page(), true,
                        new Trace(h.uri(), h.httpStatus())))
                .orElse(failed);
    }

    private ProviderPage fetch(HttpSearchProvider provider, ProviderGuard guard, ProviderQuery query, Deadline deadline,
                               AtomicReference<UpstreamRequest> sent, AtomicReference<UpstreamResponse> answered)
            throws Exception {
        UpstreamRequest request = provider.request(query);
        sent.set(request);
        UpstreamResponse response = client.send(request, deadline);
        answered.set(response);
        int status = response.status();
        if (status == 429 || status == 503) {
            guard.suspend(RetryAfter.parse(response.retryAfter(), guards.defaultSuspension(), Instant.now()),
                    "upstream answered HTTP " + status);
            throw new UpstreamStatusException(status);
        }
        if (status >= 500) {
            throw new UpstreamStatusException(status);
        }
        ProviderPage page = provider.parse(query, response);
        if (status >= 400) {
            throw new UpstreamStatusException(status);
        }
        return page;
    }

    private static Failed failure(ProviderInfo info, Exception e, long tookMs, Trace trace) {
        return switch (e) {
            case ProviderCallRefusedException refused -> new Failed(info.id(),
                    refused.reason() == ProviderCallRefusedException.Reason.CIRCUIT_OPEN
                            ? ProviderStatus.CIRCUIT_OPEN : ProviderStatus.REJECTED, tookMs, refused.getMessage(), trace);
            case TimeoutException _, InterruptedException _ -> timedOut(info, tookMs, trace);
            case ConnectException c -> new Failed(info.id(), ProviderStatus.ERROR, tookMs, "connection refused", trace);
            case UpstreamFailureException u -> new Failed(info.id(), ProviderStatus.ERROR, tookMs, oneLine(u.getMessage()), trace);
            case UpstreamStatusException u -> new Failed(info.id(), ProviderStatus.ERROR, tookMs, u.getMessage(), trace);
            default -> new Failed(info.id(), ProviderStatus.ERROR, tookMs, oneLine(describe(e)), trace);
        };
    }

    private static Failed timedOut(ProviderInfo info, long tookMs, Trace trace) {
        return new Failed(info.id(), ProviderStatus.TIMEOUT, tookMs, "no answer within " + tookMs + " ms", trace);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.io.IOException) {
            return "connection failed: " + (message == null ? e.getClass().getSimpleName() : message);
        }
        return "malformed answer: " + (message == null ? e.getClass().getSimpleName() : message);
    }

    static String oneLine(String text) {
        if (text == null) return "unknown error";
        String line = text.strip().lines().findFirst().orElse("unknown error");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static Trace trace(UpstreamRequest sent, UpstreamResponse answered) {
        URI uri = sent == null ? null : sent.uri();
        return new Trace(uri, answered == null ? null : answered.status());
    }

    @Override
    public void close() {
        inFlight.close();
        hedging.close();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
