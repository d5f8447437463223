package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.FedsearchApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
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
import redis.embedded.RedisServer;

/**
 * Two instances of the whole application sharing one database (a named in-memory H2) and one Redis (embedded,
 * on a free port): what one replica changes, the other honours at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicasWithRedisTest {

    private static final Pattern GENERATED = Pattern.compile("Admin key \\(id \\S+\\): (fs_[A-Za-z0-9_-]+)");
    private static final Upstream UPSTREAM = Upstream.start();

    private static RedisServer redis;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Http a;
    private static Http b;
    private static String admin;
    private static String startupOutput;

    @BeforeAll
    static void start(CapturedOutput output) throws IOException {
        int redisPort;
        try (var socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = new RedisServer(redisPort);
        redis.start();
        var args = new ArrayList<String>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:replicas-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--fedsearch.state.redis-url=redis://127.0.0.1:" + redisPort,
                // Not an outage test (RedisOutageTest is): a generous timeout keeps a slow test host from sending a
                // call to the local fallback, which would not count in the shared budget these tests check.
                "--fedsearch.state.redis-timeout=2s",
                "--fedsearch.access.anonymous.per-second=100",
                "--fedsearch.access.anonymous.per-hour=4"));
        UPSTREAM.providerProperties().forEach(p -> args.add("--" + p));
        first = new SpringApplicationBuilder(FedsearchApplication.class).run(args.toArray(String[]::new));
        a = Http.at(port(first));
        Matcher m = GENERATED.matcher(output.getAll());
        assertThat(m.find()).as("the first instance prints a generated admin key").isTrue();
        admin = m.group(1);
        second = new SpringApplicationBuilder(FedsearchApplication.class).run(args.toArray(String[]::new));
        b = Http.at(port(second));
        startupOutput = output.getAll();
    }

    @AfterAll
    static void stop() throws IOException {
        if (second != null) second.close();
        if (first != null) first.close();
        if (redis != null) redis.stop();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void generatedAdminKeyIsPrintedOnceAndWorksOnBothInstances() {
        Matcher m = GENERATED.matcher(startupOutput);
        int printed = 0;
        while (m.find()) printed++;
        assertThat(printed).as("the second instance finds an admin key and prints none").isEqualTo(1);
        assertThat(a.get("/admin/flags", admin).statusCode()).isEqualTo(200);
        assertThat(b.get("/admin/flags", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void bothInstancesDrawFromOneKeysLimit() {
        String key = a.createKey(admin, Map.of("principal", "shared", "per_hour", 6)).path("key").asString();
        for (int i = 0; i < 3; i++) {
            assertThat(a.get("/api/v1/providers", key).statusCode()).isEqualTo(200);
            assertThat(b.get("/api/v1/providers", key).statusCode()).isEqualTo(200);
        }
        var refused = b.get("/api/v1/providers", key);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(a.get("/api/v1/providers", key).statusCode()).isEqualTo(429);
    }

    @Test
    void bothInstancesDrawFromOneAnonymousAddressLimit() {
        assertThat(a.get("/api/v1/providers", null).statusCode()).isEqualTo(200);
        assertThat(b.get("/api/v1/providers", null).statusCode()).isEqualTo(200);
        assertThat(a.get("/api/v1/providers", null).statusCode()).isEqualTo(200);
        assertThat(b.get("/api/v1/providers", null).statusCode()).isEqualTo(200);
        assertThat(a.get("/api/v1/providers", null).statusCode()).isEqualTo(429);
    }

    @Test
    void keyRevokedOnOneInstanceIsRefusedByTheOther() {
        var created = a.createKey(admin, Map.of("principal", "leaver"));
        String key = created.path("key").asString();
        assertThat(b.get("/api/v1/providers", key).statusCode()).as("cached on b").isEqualTo(200);
        assertThat(a.send("DELETE", "/admin/api-keys/" + created.path("id").asString(), admin, null).statusCode())
                .isEqualTo(204);
        assertThat(a.get("/api/v1/providers", key).statusCode()).isEqualTo(401);
        // Well within the 30 s key cache: only the pub/sub message can make b refuse it this soon.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(b.get("/api/v1/providers", key).statusCode()).isEqualTo(401));
    }

    @Test
    void entitlementChangeOnOneInstanceIsEffectiveOnBoth() {
        String key = a.createKey(admin, Map.of("principal", "mover")).path("key").asString();
        assertThat(a.status(key, "crm")).isEqualTo("not_entitled");
        assertThat(b.status(key, "crm")).as("cached on b").isEqualTo("not_entitled");

        a.send("PUT", "/admin/entitlements/mover", admin, Map.of("providers", List.of("crm")));

        assertThat(a.status(key, "crm")).isEqualTo("ok");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(b.status(key, "crm")).isEqualTo("ok"));
    }

    @Test
    void cacheFlushOnOneInstanceFlushesBoth() {
        String key = a.createKey(admin, Map.of("principal", "flusher")).path("key").asString();
        b.get("/api/v1/search?q=flushme&providers=pub", key);
        int calls = UPSTREAM.publicCalls.get();
        b.get("/api/v1/search?q=flushme&providers=pub", key);
        assertThat(UPSTREAM.publicCalls.get()).as("served from b's cache").isEqualTo(calls);

        assertThat(a.send("POST", "/admin/cache/flush", admin, null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            b.get("/api/v1/search?q=flushme&providers=pub", key);
            assertThat(UPSTREAM.publicCalls.get()).isGreaterThan(calls);
        });
    }

    @Test
    void flagFlippedOnOneInstanceTakesEffectOnBoth() {
        String key = a.createKey(admin, Map.of("principal", "flipper")).path("key").asString();
        assertThat(b.status(key, "pub")).isEqualTo("ok");
        a.send("PUT", "/admin/flags/provider.pub", admin, Map.of("enabled", false));
        try {
            assertThat(a.status(key, "pub")).isEqualTo("disabled");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(b.status(key, "pub")).isEqualTo("disabled"));
        } finally {
            a.send("DELETE", "/admin/flags/provider.pub", admin, null);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(b.status(key, "pub")).isEqualTo("ok"));
    }
}
