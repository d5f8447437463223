package io.fedsearch.search.internal;

import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.search.ProviderOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Each provider call as an observation named {@value #NAME}: with Micrometer Tracing a span that is a child of
 * the request's span, although the call runs on a fan-out thread of its own (the parent is taken where the call is
 * prepared, on the request's thread). Its attributes are the constants below; code inside the call sets the ones
 * only it knows with {@link #mark}.
 */
@Component
public class ProviderCallObservation {

    public static final String NAME = "provider.call";
    public static final String PROVIDER = "provider";
    public static final String STATUS = "status";
    /** {@code hit} when the answer came from the provider cache, else {@code miss}. */
    public static final String CACHE = "cache";
    /** {@code true} when the call shared another identical call's upstream answer. */
    public static final String COALESCED = "coalesced";
    /** {@code true} when a second, hedging call went out. */
    public static final String HEDGED = "hedged";

    /** The observation of the call running on this thread, so the call itself can {@link #mark} it. */
    private static final ThreadLocal<Observation> CURRENT = new ThreadLocal<>();

    private final ObservationRegistry registry;

    ProviderCallObservation(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * The call, observed. Call this on the request's thread: the observation current there becomes the parent,
     * wherever the returned supplier runs.
     */
    public Supplier<ProviderOutcome> around(ProviderInfo info, Supplier<ProviderOutcome> call) {
        Observation parent = registry.getCurrentObservation();
        return () -> {
            Observation observation = Observation.createNotStarted(NAME, registry)
                    .contextualName(NAME)
                    .parentObservation(parent)
                    .lowCardinalityKeyValue(PROVIDER, info.id())
                    .lowCardinalityKeyValue(CACHE, "miss")
                    .lowCardinalityKeyValue(COALESCED, "false")
                    .lowCardinalityKeyValue(HEDGED, "false")
                    .start();
            CURRENT.set(observation);
            try (var ignored = observation.openScope()) {
                ProviderOutcome outcome = call.get();
                observation.lowCardinalityKeyValue(STATUS, outcome.status().wire());
                return outcome;
            } finally {
                CURRENT.remove();
                observation.stop();
            }
        };
    }

    /**
     * Sets one attribute of the provider call observed on this thread (the thread running {@link #around}'s
     * supplier); nothing when none is. Work handed to another thread must mark before or after it, here.
     */
    public static void mark(String attribute, String value) {
        Observation observation = CURRENT.get();
        if (observation != null) observation.lowCardinalityKeyValue(attribute, value);
    }
}
