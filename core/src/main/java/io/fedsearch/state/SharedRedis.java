package io.fedsearch.state;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Redis that all replicas share, present as a bean only when {@code fedsearch.state.redis-url} is set.
 * Modules use {@link #commands()} (or {@link #binary()}, for libraries that store bytes) for their own data
 * structures (rate-limit buckets, recent lists) and {@link #publish}/{@link #subscribe} to tell the other replicas
 * that something changed.
 *
 * <p>Redis is an accelerator here, never a dependency a request waits on. Every command fails after
 * {@link #timeout()} (Lettuce {@code TimeoutOptions}), and at once while the connection is down
 * ({@code REJECT_COMMANDS}, instead of Lettuce's default of queueing commands until it reconnects, which held every
 * request for as long as the outage lasted). Callers check {@link #available()} first and use their local fallback
 * while it is false, and report a failed command with {@link #failed}. A probe PINGs every second, so the state
 * follows Redis even without traffic (a hung Redis is found by its PING timing out): "down" is logged once when it goes, "back" once when it returns, and then
 * the {@link #onReconnect} actions run so that modules catch up with what they missed.
 *
 * <p>One client and three connections (text commands, binary commands, pub/sub) for the whole process; Lettuce
 * reconnects them (every 100 ms to 2 s) and re-subscribes the pub/sub channels by itself. Pub/sub is
 * at-most-once: a replica that was disconnected misses messages, so every receiver must also converge on its own
 * (cache TTLs, periodic re-reads, the reconnect actions).
 */
public final class SharedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** Only reconnect attempts (and the first connect) wait this long; no request ever does. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Duration timeout;
    private final int replicas;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisConnection<String, byte[]> binary;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    /** Channels whose SUBSCRIBE failed (Redis was down): Lettuce does not know them, so the probe retries them. */
    private final Set<String> unsubscribed = ConcurrentHashMap.newKeySet();
    private final List<Runnable> reconnectActions = new CopyOnWriteArrayList<>();
    /** Null while Redis answers and this replica has caught up; else since when it does not, and why. */
    private final AtomicReference<Outage> outage = new AtomicReference<>();
    /** Commands may be sent. Set again before the reconnect actions run (they may publish); outage clears after. */
    private volatile boolean usable = true;
    private final ScheduledExecutorService probe;
    /** Set once every connection exists: a connect event during construction must not probe half-made fields. */
    private volatile boolean started;
    private volatile boolean closed;

    /** Since when Redis is down and why ("connection lost", "command timed out", ...; never an exception class). */
    public record Outage(Instant since, String reason) {
    }

    /** Default timeout, one replica: for tests that play replicas with plain clients. */
    public SharedRedis(String url) {
        this(url, StateProperties.DEFAULT_TIMEOUT, 1);
    }

    /**
     * Connects at once (an unreachable Redis throws Lettuce's RedisConnectionException, so a misconfigured URL stops
     * the start). The application makes one, in StateConfiguration; tests make several to play replicas.
     */
    public SharedRedis(String url, Duration timeout, int replicas) {
        this.timeout = timeout;
        this.replicas = replicas;
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(url);
        // The URI's timeout bounds the connection handshake (first connect and reconnects, which no request waits
        // for); TimeoutOptions below fails every command after `timeout`, so a sync call never waits longer.
        uri.setTimeout(CONNECT_TIMEOUT);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (!closed) down("connection lost");
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (!closed && probe != null) probe.execute(SharedRedis.this::probe);
            }
        });
        this.probe = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("redis-probe").factory());
        try {
            this.commands = client.connect();
            this.binary = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            this.pubSub = client.connectPubSub();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
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
        started = true;
        probe.scheduleWithFixedDelay(this::probe, PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Commands (each at most {@link #timeout()}) with string values, on the shared, thread-safe connection. */
    public RedisCommands<String, String> commands() {
        return commands.sync();
    }

    /**
     * The shared connection with byte-array values, for libraries that store bytes (Bucket4j's proxy manager).
     * Thread-safe and pipelined: share it, do not close it, do not send blocking commands (BLPOP, ...) on it.
     */
    public StatefulRedisConnection<String, byte[]> binary() {
        return binary;
    }

    /** The longest a command may take ({@code fedsearch.state.redis-timeout}). */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How many replicas share this Redis ({@code fedsearch.state.replicas}, set by the operator with the deployment):
     * a budget that replicas share in Redis is split into this many local parts while Redis is down.
     */
    public int replicas() {
        return replicas;
    }

    /** False while Redis is known to be down: use the local fallback without trying (and waiting). */
    public boolean available() {
        return usable;
    }

    /** The current outage (until the reconnect actions have run), or null while Redis answers. */
    public Outage outage() {
        return outage.get();
    }

    /**
     * A command failed. Lost or refused connections mark Redis down at once. A timeout alone does not: one slow
     * answer on a busy host would flip every caller to local limits; the probe's PING, timing out too, decides.
     * An error answered by Redis itself is a bug, not an outage.
     */
    public void failed(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RedisCommandExecutionException) return;
        }
        log.debug("Redis command failed: {}", e.getMessage());
        if (!timedOut(e)) down("command failed");
    }

    /**
     * Runs {@code action} (on the probe thread) each time Redis is back after an outage, once the connections are
     * up again: for dropping what may have been missed meanwhile.
     */
    public void onReconnect(Runnable action) {
        reconnectActions.add(action);
    }

    /** Sends a message to every replica subscribed to the channel, this one included. Fails fast while down. */
    public void publish(String channel, String message) {
        commands().publish(channel, message);
    }

    /**
     * Calls the listener (on a Lettuce thread) for every message on the channel; it must be quick. If Redis is down
     * just now, the subscription is made when it is back.
     */
    public void subscribe(String channel, Consumer<String> listener) {
        boolean first = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).isEmpty();
        listeners.get(channel).add(listener);
        if (first) {
            try {
                pubSub.sync().subscribe(channel);
            } catch (RuntimeException e) {
                unsubscribed.add(channel);
                failed(e);
            }
        }
    }

    private void probe() {
        if (!started || closed) return;
        try {
            if (!commands.isOpen() || !binary.isOpen() || !pubSub.isOpen()) {
                down("connection lost");
                return;
            }
            commands.sync().ping();
            for (String channel : unsubscribed) {
                pubSub.sync().subscribe(channel);
                unsubscribed.remove(channel);
            }
        } catch (RuntimeException e) {
            if (!(e instanceof RedisCommandExecutionException)) down(timedOut(e) ? "command timed out" : "command failed");
            return;
        }
        back();
    }

    private void down(String reason) {
        usable = false;
        if (outage.compareAndSet(null, new Outage(Instant.now(), reason))) {
            log.warn("Redis is down ({}): rate limits use per-replica buckets at 1/{} of each budget, recent lists stay on "
                    + "this replica, changes are not sent to other replicas until it is back", reason, replicas);
        }
    }

    private void back() {
        usable = true;
        Outage was = outage.get();
        if (was == null) return;
        for (Runnable action : reconnectActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("catching up after Redis came back failed: {}", e.toString());
            }
        }
        if (outage.compareAndSet(was, null)) {
            log.info("Redis is back after {} ms: shared rate limits and events resume; cached keys, entitlements and "
                    + "flags were dropped to catch up", Duration.between(was.since(), Instant.now()).toMillis());
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RedisCommandTimeoutException || t instanceof java.util.concurrent.TimeoutException) return true;
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        probe.shutdownNow();
        if (pubSub != null) pubSub.close();
        if (binary != null) binary.close();
        if (commands != null) commands.close();
        client.shutdown();
        resources.shutdown();
    }
}
