package io.fedsearch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.history.testing.JsonUpstream;
import io.fedsearch.history.testing.TestApp;
import io.fedsearch.history.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PostgreSQL that stops while the app runs: searches and health must not wait for it. Every request here has a
 * client-side timeout well below the pool's connection timeout (kept at 10 s), so a request that waited for the
 * database fails its test instead of just being slow.
 */
class DatabaseOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int DEADLINE_MS = 2_000;
    /** Deadline plus a margin for a loaded CI machine; far below the 10 s a wait for the database would take. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(DEADLINE_MS + 2500);
    /** A fully qualified Java class name (org.springframework.jdbc.CannotGetJdbcConnectionException, ...). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*");

    private final JsonUpstream upstream = new JsonUpstream();
    private Path data;
    private int port;
    private EmbeddedPostgres pg;
    private TestApp app;

    @BeforeEach
    void startPostgresAndApp() throws Exception {
        data = Files.createTempDirectory("fedsearch-pg-outage");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        pg = postgres();
        var url = new TestDatabase.Url(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        var args = new ArrayList<>(url.args());
        args.addAll(upstream.providerArgs("docs"));
        // One block of 50 ids in reserve, so that the outage outlasts it and fallback ids are handed out too.
        args.addAll(List.of("--spring.datasource.hikari.connection-timeout=10000", "--fedsearch.history.id-reserve=50",
                "--fedsearch.history.retry-max=200ms", "--fedsearch.health.db.probe-interval=200ms",
                "--fedsearch.health.db.probe-timeout=300ms"));
        app = TestApp.start(args);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (app != null) app.close();
        if (pg != null) pg.close();
        upstream.close();
    }

    @Test
    void searchesAnswerWithinTheirDeadlineWhileTheDatabaseIsDownAndEveryRecordIsStoredOnceItIsBack() throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 10; i++) ids.add(search("before-" + i));
        pg.close();
        pg = null;
        // 150 searches: the ids left in reserve, then fallback ids, none waiting for the database.
        for (int i = 0; i < 150; i++) ids.add(search("during-" + i));
        assertThat(app.bean(MeterRegistry.class).counter("fedsearch.history.ids.fallback").count()).isPositive();

        pg = postgres();
        for (int i = 0; i < 10; i++) ids.add(search("after-" + i));
        assertThat(ids).hasSize(170);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM queries")).isEqualTo(170));
        for (long id : ids) {
            assertThat(count("SELECT count(*) FROM queries WHERE query_id = ?", id)).isEqualTo(1);
        }
    }

    @Test
    void healthAnswersAtOnceFromTheLastProbeWhileTheDatabaseIsDownAndNamesNoClass() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        search("warm-up");
        pg.close();
        pg = null;

        // Answers come at once (client timeout) all along; the probe turns db DOWN within its timeout.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(json(health).get("components").get("db").get("status").asString()).isEqualTo("DOWN");
        });
        // A search now makes the history writer fail too, so its component says so as well.
        search("during");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(get("/actuator/health"))
                .get("components").get("history").get("status").asString()).isEqualTo("DOWN"));
        HttpResponse<String> down = get("/actuator/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).get("status").asString()).isEqualTo("DOWN");
        assertThat(json(down).get("components").get("db").get("details").get("error").asString()).isNotBlank();
        assertThat(CLASS_NAME.matcher(down.body()).find()).as(down.body()).isFalse();
        assertThat(down.body()).doesNotContain("Exception");
        // Searches still answer, so the instance stays live and ready: a load balancer keeps sending it traffic.
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        pg = postgres();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health).get("components").get("db").get("details").get("database").asString())
                    .isEqualTo("PostgreSQL");
        });
    }

    /** One search under its deadline; fails unless answered 200 with a query id before the client's timeout. */
    private long search(String q) throws Exception {
        HttpResponse<String> searched = get("/api/v1/search?providers=docs&timeout_ms=" + DEADLINE_MS + "&q=" + q);
        assertThat(searched.statusCode()).isEqualTo(200);
        JsonNode answer = json(searched);
        assertThat(answer.get("providers").get(0).get("status").asString()).isEqualTo("ok");
        return answer.get("query_id").asLong();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        int appPort = Integer.parseInt(app.bean(Environment.class).getProperty("local.server.port"));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + pathAndQuery))
                .timeout(CLIENT_TIMEOUT).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long count(String sql, Object... args) {
        return app.bean(JdbcTemplate.class).queryForObject(sql, Long.class, args);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private EmbeddedPostgres postgres() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
