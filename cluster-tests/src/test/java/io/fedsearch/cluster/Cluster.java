package io.fedsearch.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The parts of the cluster, started once for the whole module: PostgreSQL, Redis, three replicas of the
 * public jar ({@code java -jar}, configured by environment only), nginx in front of them, and the provider upstream
 * in this JVM. Scenarios that break a part call {@link #heal()} afterwards, so every scenario starts on a whole,
 * healthy cluster. Everything is stopped by {@link #close()}: by the JUnit extension at the end of the run, and by a
 * shutdown hook if the JVM ends another way.
 */
final class Cluster implements AutoCloseable {

    static final String ADMIN = "fs_cluster-admin-key-000000000000000000";
    static final int REPLICAS = 3;
    /** Every search of the tests asks for this deadline ({@code timeout_ms}). */
    static final int DEADLINE_MS = 1000;
    /**
     * {@code fedsearch.state.redis-timeout} of the replicas. Longer than the 200 ms default: on a machine this busy a
     * healthy Redis can take longer, and a call past the timeout counts in a local bucket, which would blur the
     * shared-limit test. Still a tenth of the 10 s and more requests hung for before.
     */
    static final int REDIS_TIMEOUT_MS = 1000;

    private static final Duration START = Duration.ofMinutes(4);

    final Upstream upstream;
    final Redis redis;
    final Postgres postgres;
    final List<Replica> replicas = new ArrayList<>();
    private final Path work;
    private final Thread hook = new Thread(this::close, "cluster-stop");
    private Nginx nginx;
    private boolean closed;

    private Cluster(Path work) {
        this.work = work;
        this.upstream = Upstream.start();
        this.redis = new Redis(freePort());
        this.postgres = new Postgres(work.resolve("pg-data"), work.resolve("postgres.log"), freePort());
    }

    static Cluster start(Path jar, Path nginxBinary, Path work) {
        clean(work);
        var cluster = new Cluster(work);
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            cluster.redis.start();
            cluster.postgres.start();
            for (int n = 1; n <= REPLICAS; n++) {
                var replica = new Replica(n, freePort(), jar, work.resolve("replica-" + n), cluster.environment());
                cluster.replicas.add(replica);
                replica.start();
            }
            cluster.nginx = Nginx.start(nginxBinary, work.resolve("nginx"), freePort(),
                    cluster.replicas.stream().map(Replica::port).toList());
            cluster.awaitHealthy();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The replicas' whole configuration, as an operator would put it in the environment. */
    private Map<String, String> environment() {
        var env = new LinkedHashMap<String, String>();
        env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "unused-trust-auth");
        env.put("FEDSEARCH_STATE_REDIS_URL", redis.url());
        env.put("FEDSEARCH_STATE_REDIS_TIMEOUT", REDIS_TIMEOUT_MS + "ms");
        env.put("FEDSEARCH_STATE_REPLICAS", Integer.toString(REPLICAS));
        env.put("FEDSEARCH_ADMIN_KEY", ADMIN);
        // Load comes from one address through nginx: keys and anonymous callers get budgets the tests never reach,
        // except the keys that set their own limits.
        env.put("FEDSEARCH_ACCESS_DEFAULT_PER_SECOND", "1000000");
        env.put("FEDSEARCH_ACCESS_DEFAULT_PER_HOUR", "1000000000");
        env.put("FEDSEARCH_ACCESS_ANONYMOUS_PER_SECOND", "1000000");
        env.put("FEDSEARCH_ACCESS_ANONYMOUS_PER_HOUR", "1000000000");
        // Far longer than any scenario: a replica that drops a cached key was told (or caught up after Redis), and
        // keys stay resolvable while PostgreSQL is down.
        env.put("FEDSEARCH_ACCESS_KEY_CACHE_TTL", "10m");
        // Trending and suggest follow the other replicas' clicks and queries within about a second.
        env.put("FEDSEARCH_INSIGHTS_TRENDING_RECOMPUTE", "1s");
        env.put("FEDSEARCH_INSIGHTS_TRENDING_CACHE_TTL", "1s");
        env.put("FEDSEARCH_INSIGHTS_SUGGEST_REFRESH", "1s");
        env.put("FEDSEARCH_INSIGHTS_SUGGEST_SYNC", "1s");
        // The provider: a json kind on the upstream in this JVM, answers cached long enough to see a flush.
        provider(env, "LOCAL", upstream.url() + "/search?q={query}");
        env.put("FEDSEARCH_PROVIDERS_LOCAL_CACHE_TTL", "10m");
        // A provider whose calls the test holds open, to have a request in flight on purpose; never asked by default.
        provider(env, "HELD", upstream.url() + "/held?q={query}");
        env.put("FEDSEARCH_PROVIDERS_HELD_SLOW", "true");
        env.put("FEDSEARCH_PROVIDERS_HELD_TIMEOUT", "20s");
        // Spring Boot logs readiness changes at debug: the SIGTERM scenario reads the order of events in the log.
        env.put("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_AVAILABILITY", "DEBUG");
        return env;
    }

    private static void provider(Map<String, String> env, String id, String url) {
        String prefix = "FEDSEARCH_PROVIDERS_" + id + "_";
        env.put(prefix + "TYPE", "json");
        env.put(prefix + "URL", url);
        env.put(prefix + "RESULTS_PATH", "/items");
        env.put(prefix + "FIELDS_ID", "/id");
        env.put(prefix + "FIELDS_TITLE", "/title");
        env.put(prefix + "FIELDS_URL", "/url");
    }

    Api nginx() {
        return nginx.api();
    }

    /** A new key, made with the admin key, for a principal of its own (the name plus a random suffix). */
    Api.Key newKey(String principal) {
        return newKey(principal, Map.of());
    }

    Api.Key newKey(String principal, Map<String, ?> limits) {
        var body = new LinkedHashMap<String, Object>(limits);
        body.put("principal", principal + "-" + UUID.randomUUID().toString().substring(0, 8));
        return replicas.getFirst().api().createKey(ADMIN, body);
    }

    Replica replica(int number) {
        return replicas.get(number - 1);
    }

    List<Api> apis() {
        return replicas.stream().map(Replica::api).toList();
    }

    /** Starts whatever a scenario left stopped and waits until every replica is ready and shares Redis again. */
    void heal() {
        if (!redis.running()) redis.start();
        if (!postgres.running()) postgres.start();
        for (Replica replica : replicas) {
            if (!replica.alive()) replica.start();
        }
        awaitHealthy();
    }

    private void awaitHealthy() {
        for (Replica replica : replicas) {
            var restarts = new AtomicInteger();
            await("readiness and Redis of " + replica).atMost(START).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!replica.alive()) {
                            // Three JVMs starting at once on a busy machine can miss the start-up's Redis connect
                            // timeout, which stops a start by design; restart it as a supervisor would, twice.
                            String log = tail(replica.log());
                            if (restarts.incrementAndGet() > 2) {
                                throw new IllegalStateException(replica + " exited while starting:\n" + log);
                            }
                            System.err.println(replica + " exited while starting, starting it again");
                            replica.start();
                        }
                        return replica.api().health("/actuator/health/readiness").equals("UP")
                                && replica.api().health("/actuator/health/redis").equals("UP");
                    });
        }
        if (!nginx.alive()) throw new IllegalStateException("nginx exited; see " + work.resolve("nginx"));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook
        }
        // SIGTERM to all at once, so their graceful shutdowns overlap
        var stopping = replicas.stream().map(r -> Thread.ofVirtual().start(r::stop)).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (AutoCloseable part : Stream.of(nginx, redis, postgres, upstream).filter(p -> p != null).toList()) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("stopping " + part.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh work folder: logs of the last run stay in target/cluster until the next one. */
    private static void clean(Path work) {
        try {
            if (Files.exists(work)) {
                try (var paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
