package io.fedsearch.search;

import io.fedsearch.access.Caller;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/search/stream}: the federated search as Server-Sent Events. A {@code provider} event per
 * provider the moment its outcome is known, then {@code done} with the whole answer, serialised by the same
 * mapper as {@code /api/v1/search}.
 *
 * <p>The search runs on a virtual thread of its own; the request's (virtual) thread writes the events, so a slow
 * client never holds up a provider call. Nothing is written until the providers are chosen, so every bad
 * parameter is the usual 400 problem+json. While nothing else is due a comment line goes out every
 * {@link #HEARTBEAT_MS} ms: a write is the only way a blocking servlet learns that its client went away, and then
 * the calls still running are cancelled. The request still waits for the search to end, so it is recorded as
 * usual (and graceful shutdown waits for it too).
 */
@RestController
class SearchStreamController {

    static final String EVENT_STREAM = "text/event-stream";
    /** How often an idle stream is probed for a client that went away; two writes find a closed connection. */
    static final long HEARTBEAT_MS = 500;
    private static final Logger log = LoggerFactory.getLogger(SearchStreamController.class);
    private static final byte[] PROVIDER = "event: provider\ndata: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DONE = "event: done\ndata: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private sealed interface Item {
    }

    private record Started() implements Item {
    }

    private record Decided(ProviderOutcome outcome) implements Item {
    }

    private record Finished(SearchService.Searched searched, RuntimeException failure) implements Item {
    }

    private final SearchService search;
    private final JsonMapper json;
    private final ObservationRegistry observations;

    SearchStreamController(SearchService search, JsonMapper json, ObservationRegistry observations) {
        this.search = search;
        this.json = json;
        this.observations = observations;
    }

    @Operation(summary = "Federated search as Server-Sent Events",
            description = "Same parameters, caller rules, limits, recording and deadline as /api/v1/search. "
                    + "Events: 'provider' once per provider the moment its outcome is known (data: that provider's "
                    + "entry exactly as in the JSON answer; providers that are not called come at once), then "
                    + "'done' (data: the whole answer exactly as /api/v1/search gives it). Lines starting with ':' "
                    + "are keep-alive comments. A bad parameter is a 400 problem+json before any event. A client "
                    + "that goes away cancels the calls still running; the query is recorded all the same.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the event stream",
                            content = @Content(mediaType = EVENT_STREAM, schema = @Schema(type = "string",
                                    example = "event: provider\ndata: {\"provider\":\"fast\",\"status\":\"ok\",...}\n\n"
                                            + "event: done\ndata: {\"query_id\":4711,...}\n\n"))),
                    @ApiResponse(responseCode = "400", description = "a bad parameter, named in the problem",
                            content = @Content(mediaType = "application/problem+json"))})
    @GetMapping("/api/v1/search/stream")
    void stream(
            @Parameter(description = "free text, 1..500 characters after trimming") @RequestParam(required = false) String q,
            @Parameter(description = "author filter") @RequestParam(required = false) String author,
            @Parameter(description = "title filter") @RequestParam(required = false) String title,
            @Parameter(description = "journal filter") @RequestParam(required = false) String journal,
            @Parameter(description = "comma list of provider ids; default every enabled, non-slow provider the caller may use")
            @RequestParam(required = false) String providers,
            @Parameter(description = "also ask providers marked slow") @RequestParam(name = "include_slow", defaultValue = "false") boolean includeSlow,
            @Parameter(description = "1..1000") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1..100, per provider") @RequestParam(defaultValue = "10") int size,
            @Parameter(description = "50..10000 ms; default fedsearch.search.default-timeout") @RequestParam(name = "timeout_ms", required = false) Integer timeoutMs,
            @Parameter(description = "true: each merged result gets an 'explain' object, the per-provider contributions (provider, rank, weight, weight / (60 + rank)) that add up to its score")
            @RequestParam(defaultValue = "false") boolean explain,
            HttpServletRequest http, HttpServletResponse response) throws IOException, InterruptedException {
        var request = SearchRequest.of(q, author, title, journal, providers, includeSlow, page, size, timeoutMs,
                search.defaultTimeout(), explain);
        Caller caller = Caller.of(http);
        BlockingQueue<Item> items = new LinkedBlockingQueue<>();
        var progress = new Progress(() -> items.add(new Started()), outcome -> items.add(new Decided(outcome)));
        // The search runs on a thread of its own; the request's observation is opened there too, so the provider
        // calls' spans are children of this request's span, as they are for /api/v1/search. It outlives the
        // thread: this method returns only once the search has finished.
        Observation observed = Objects.requireNonNullElse(observations.getCurrentObservation(), Observation.NOOP);
        Thread.ofVirtual().name("search-stream").start(() -> {
            try (var ignored = observed.openScope()) {
                items.add(new Finished(search.search(request, caller, "api", progress), null));
            } catch (RuntimeException e) {
                items.add(new Finished(null, e));
            }
        });
        Item item = items.take();
        if (item instanceof Finished(var ignored, RuntimeException failure) && failure != null) {
            throw failure; // before any event: answered by the problem advice like /api/v1/search
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(EVENT_STREAM);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // tells nginx not to buffer the stream
        OutputStream out = response.getOutputStream();
        try {
            // Nothing is flushed on its own: the headers leave with the first event (or keep-alive); events already
            // waiting go out in one write; the last one leaves with the end of the response.
            while (true) {
                switch (item) {
                    case null -> out.write(KEEP_ALIVE);
                    case Started s -> { }
                    case Decided d -> write(out, PROVIDER, json.writeValueAsBytes(search.entry(d.outcome())));
                    case Finished(var searched, var failure) -> {
                        if (failure != null) {
                            log.warn("search stream failed after its first event: {}", failure.toString());
                        } else {
                            write(out, DONE, json.writeValueAsBytes(searched.response()));
                        }
                        return;
                    }
                }
                item = items.poll();
                if (item == null) {
                    out.flush();
                    item = items.poll(HEARTBEAT_MS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (IOException clientGone) {
            log.debug("search stream client went away, cancelling the calls still running: {}", clientGone.toString());
            progress.cancel();
            while (!(item instanceof Finished)) {
                item = items.take(); // the search ends soon after the cancel and records itself
            }
        }
    }

    /** One event; its JSON has no line break, so it is one data line. */
    private static void write(OutputStream out, byte[] head, byte[] data) throws IOException {
        out.write(head);
        out.write(data);
        out.write(END);
    }
}
