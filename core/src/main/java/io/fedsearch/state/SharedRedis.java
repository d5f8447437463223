package io.fedsearch.state;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Redis that all replicas share, present as a bean only when {@code fedsearch.state.redis-url} is set.
 * Modules use {@link #commands()} (or {@link #client()}, for libraries that take a client) for their own data
 * structures (rate-limit buckets, recent lists) and {@link #publish}/{@link #subscribe} to tell the other replicas
 * that something changed.
 *
 * <p>One client and two connections (commands, pub/sub) for the whole process; Lettuce reconnects both and
 * re-subscribes by itself. Pub/sub is at-most-once: a replica that was disconnected misses messages, so every
 * receiver must also converge on its own (cache TTLs, periodic re-reads).
 */
public final class SharedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    /**
     * Connects at once (an unreachable Redis throws Lettuce's RedisConnectionException). The application makes one,
     * in StateConfiguration; tests make several to play replicas.
     */
    public SharedRedis(String url) {
        this.client = RedisClient.create(url);
        this.commands = client.connect();
        this.pubSub = client.connectPubSub();
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
                    try {
                        listener.accept(message);
                    } catch (RuntimeException e) {
                        log.warn("redis listener on {} failed: {}", channel, e.toString());
                    }
                }
            }
        });
    }

    /** The shared client, for modules that keep their own structures in Redis. Do not shut it down. */
    public RedisClient client() {
        return client;
    }

    /**
     * Commands on the shared connection: thread-safe and pipelined, so callers share it instead of opening their
     * own. Do not send blocking commands (BLPOP, ...) on it: they would stall every other caller.
     */
    public RedisCommands<String, String> commands() {
        return commands.sync();
    }

    /** Sends a message to every replica subscribed to the channel, this one included. */
    public void publish(String channel, String message) {
        commands().publish(channel, message);
    }

    /** Calls the listener (on a Lettuce thread) for every message on the channel; it must be quick. */
    public void subscribe(String channel, Consumer<String> listener) {
        boolean first = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).isEmpty();
        listeners.get(channel).add(listener);
        if (first) {
            pubSub.sync().subscribe(channel);
        }
    }

    @Override
    public void close() {
        pubSub.close();
        commands.close();
        client.shutdown();
    }
}
