package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.FedsearchApplication;
import io.fedsearch.state.EmbeddedRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas of the whole application sharing one database and one embedded Redis, which is stopped under
 * concurrent searches and started again: the replicas keep answering, limit callers at 1/N of their budget, report
 * DEGRADED health, and share limits and events again once Redis is back, having caught up with what they missed.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageTest {

    private static final int DEADLINE_MS = 500;
    private static final int REDIS_TIMEOUT_MS = 200;
    /** Scheduling slack on a busy test machine; far below the 10 s and more that requests hung before. */
    private static final int MARGIN_MS = 1500;
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(DEADLINE_MS + REDIS_TIMEOUT_MS + MARGIN_MS);
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String ADMIN = "fs_outage-admin-key-00000000000000000000";
    private static final Upstream UPSTREAM = Upstream.start();

    private static EmbeddedRedis redis;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Http a;
    private static Http b;

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.start();
        var args = new ArrayList<String>(List.of(
                "--server.port=0",
                "--FEDSEARCH_ADMIN_KEY=" + ADMIN,
                "--spring.datasource.url=jdbc:h2:mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--fedsearch.state.redis-url=" + redis.url(),
                "--fedsearch.state.redis-timeout=" + REDIS_TIMEOUT_MS + "ms",
                "--fedsearch.state.replicas=2",
                // Far longer than the test: a replica that drops a cached key did so because it was told or caught up.
                "--fedsearch.access.key-cache-ttl=10m",
                "--fedsearch.access.anonymous.per-second=10000",
                "--fedsearch.access.anonymous.per-hour=10000000"));
        UPSTREAM.providerProperties().forEach(p -> args.add("--" + p));
        first = new SpringApplicationBuilder(FedsearchApplication.class).run(args.toArray(String[]::new));
        second = new SpringApplicationBuilder(FedsearchApplication.class).run(args.toArray(String[]::new));
        a = Http.at(port(first));
        b = Http.at(port(second));
    }

    @AfterAll
    static void stop() {
        if (second != null) second.close();
        if (first != null) first.close();
        if (redis != null) redis.close();
    }

    @Test
    void replicasRideOutARedisOutageAndShareLimitsAndEventsAgainOnceItIsBack(CapturedOutput output) {
        JsonNode staleKey = a.createKey(ADMIN, Map.of("principal", "stale"));
        String stale = staleKey.path("key").asString();
        String flags = a.createKey(ADMIN, Map.of("principal", "flags")).path("key").asString();
        assertThat(b.get("/api/v1/providers", stale).statusCode()).as("cached on b").isEqualTo(200);
        assertThat(b.status(flags, "pub")).isEqualTo("ok");

        try (var load = new Load(3)) {
            await().atMost(WITHIN).until(() -> load.answered.get() >= 30);

            redis.stop();
            for (Http replica : List.of(a, b)) {
                await().atMost(WITHIN).untilAsserted(() -> assertThat(health(replica)).isEqualTo("DEGRADED"));
            }
            int answeredAtStop = load.answered.get();

            // Rate limits still hold, each replica at half the budget: 6 an hour is 3 on a and 3 on b.
            String limited = a.createKey(ADMIN, Map.of("principal", "limited", "per_hour", 6)).path("key").asString();
            for (Http replica : List.of(a, b)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(replica.get("/api/v1/providers", limited).statusCode()).isEqualTo(200);
                }
                var refused = replica.get("/api/v1/providers", limited);
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("3");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }

            // Changes made meanwhile take effect where they are made; b cannot hear of them yet.
            assertThat(a.send("DELETE", "/admin/api-keys/" + staleKey.path("id").asString(), ADMIN, null).statusCode()).isEqualTo(204);
            assertThat(a.get("/api/v1/providers", stale).statusCode()).isEqualTo(401);
            assertThat(a.send("PUT", "/admin/flags/provider.pub", ADMIN, Map.of("enabled", false)).statusCode())
                    .isEqualTo(200);
            assertThat(a.status(flags, "pub")).isEqualTo("disabled");
            assertThat(b.get("/api/v1/providers", stale).statusCode()).as("still cached on b").isEqualTo(200);

            await().atMost(WITHIN).until(() -> load.answered.get() >= answeredAtStop + 100);

            redis.restart();
            for (Http replica : List.of(a, b)) {
                await().atMost(WITHIN).untilAsserted(() -> assertThat(health(replica)).isEqualTo("UP"));
            }

            // Caught up: b dropped what it cached while it could not be told.
            assertThat(b.get("/api/v1/providers", stale).statusCode()).isEqualTo(401);
            assertThat(b.status(flags, "pub")).isEqualTo("disabled");
            a.send("DELETE", "/admin/flags/provider.pub", ADMIN, null);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(b.status(flags, "pub")).isEqualTo("ok"));

            // One shared budget again: 4 an hour across both replicas.
            String shared = a.createKey(ADMIN, Map.of("principal", "shared", "per_hour", 4)).path("key").asString();
            for (int i = 0; i < 2; i++) {
                assertThat(a.get("/api/v1/providers", shared).statusCode()).isEqualTo(200);
                assertThat(b.get("/api/v1/providers", shared).statusCode()).isEqualTo(200);
            }
            assertThat(a.get("/api/v1/providers", shared).statusCode()).isEqualTo(429);
            assertThat(b.get("/api/v1/providers", shared).statusCode()).isEqualTo(429);

            // Pub/sub again: a revoke on a reaches b well within its 10-minute key cache.
            JsonNode lateKey = a.createKey(ADMIN, Map.of("principal", "late"));
            String late = lateKey.path("key").asString();
            assertThat(b.get("/api/v1/providers", late).statusCode()).as("cached on b").isEqualTo(200);
            assertThat(a.send("DELETE", "/admin/api-keys/" + lateKey.path("id").asString(), ADMIN, null).statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(b.get("/api/v1/providers", late).statusCode()).isEqualTo(401));

            load.close();
            assertThat(load.failures).as("searches that failed or took longer than " + CLIENT_TIMEOUT).isEmpty();
            assertThat(load.answered.get()).isGreaterThan(answeredAtStop);
        }
        assertThat(count(output.getAll(), "Redis is down")).as("once per replica").isEqualTo(2);
        assertThat(count(output.getAll(), "Redis is back")).as("once per replica").isEqualTo(2);
    }

    /** Searches in a loop on both replicas, each with a client-side timeout of deadline + Redis timeout + margin. */
    private static final class Load implements AutoCloseable {

        final AtomicInteger answered = new AtomicInteger();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Load(int clients) {
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofVirtual().start(this::run));
            }
        }

        private void run() {
            for (int i = 0; running; i++) {
                Http replica = i % 2 == 0 ? a : b;
                var request = HttpRequest.newBuilder(URI.create(replica.base() + "/api/v1/search?q=load" + (i % 20)
                        + "&providers=pub&timeout_ms=" + DEADLINE_MS)).timeout(CLIENT_TIMEOUT).build();
                try {
                    var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        answered.incrementAndGet();
                    } else {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                } catch (IOException e) {
                    if (running) failures.add(e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void close() {
            running = false;
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static String health(Http replica) {
        var response = replica.get("/actuator/health", null);
        assertThat(response.statusCode()).as("health answers 200 while degraded").isEqualTo(200);
        JsonNode body = Http.json(response);
        String redisStatus = body.path("components").path("redis").path("status").asString();
        assertThat(body.path("status").asString()).isEqualTo(redisStatus);
        return redisStatus;
    }

    private static int count(String text, String line) {
        return (int) Pattern.compile(Pattern.quote(line)).matcher(text).results().count();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
