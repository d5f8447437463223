package io.fedsearch.access;

import io.fedsearch.state.SharedRedis;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells every replica that access data changed, so each drops what it cached. Handled here at once; with Redis
 * also sent on channel {@value #CHANNEL} to the others (and, harmlessly, handled here a second time). Without
 * Redis only this node hears it; the other replicas converge through their cache TTLs and flag refreshes.
 * A message is {@code kind} or {@code kind:argument}; arguments never hold a secret (a key is named by its hash).
 *
 * <p>While Redis is down nothing is sent (the change is still made, stored and handled here). So when Redis is back
 * every replica that lost it catches up as if told "flush" and "flags": it drops its cached keys, entitlements,
 * item checks and provider answers and re-reads the flags, which covers any revoke, grant or flag flip made
 * anywhere meanwhile. A replica that could not send a change also sends "flush" and "flags" then, for replicas
 * that never lost Redis (when only this one was cut off). Until then the cache TTLs bound how stale a replica is.
 */
@Component
class AccessEvents {

    static final String CHANNEL = "fedsearch:access";

    /** A revoked key's hash. */
    static final String REVOKED = "revoked";
    /** One principal's entitlements, or "*" for all. */
    static final String ENTITLEMENTS = "entitlements";
    /** Provider caches and every access cache. */
    static final String FLUSH = "flush";
    /** Feature flags changed: read them again. */
    static final String FLAGS = "flags";

    private static final Logger log = LoggerFactory.getLogger(AccessEvents.class);

    private final Optional<SharedRedis> redis;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    /** A change could not be sent: tell every replica to catch up once Redis is back. */
    private final AtomicBoolean unsent = new AtomicBoolean();

    AccessEvents(Optional<SharedRedis> redis) {
        this.redis = redis;
        redis.ifPresent(r -> {
            r.subscribe(CHANNEL, this::handle);
            r.onReconnect(() -> {
                if (unsent.getAndSet(false)) {
                    broadcast(FLUSH, null);
                    broadcast(FLAGS, null);
                } else {
                    handle(FLUSH);
                    handle(FLAGS);
                }
            });
        });
    }

    void on(String kind, Consumer<String> handler) {
        handlers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(handler);
    }

    void broadcast(String kind, String argument) {
        String message = argument == null ? kind : kind + ":" + argument;
        handle(message);
        redis.ifPresent(r -> {
            if (!r.available()) {
                unsent.set(true);
                return;
            }
            try {
                r.publish(CHANNEL, message);
            } catch (RuntimeException e) {
                unsent.set(true);
                r.failed(e);
                log.warn("could not tell other replicas '{}'; they catch up when Redis answers again", kind);
            }
        });
    }

    private void handle(String message) {
        int colon = message.indexOf(':');
        String kind = colon < 0 ? message : message.substring(0, colon);
        String argument = colon < 0 ? null : message.substring(colon + 1);
        handlers.getOrDefault(kind, List.of()).forEach(h -> h.accept(argument));
    }
}
