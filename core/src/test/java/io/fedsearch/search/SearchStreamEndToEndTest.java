package io.fedsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.search.LocalUpstream.Behaviour;
import io.fedsearch.testing.JsonProviders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The streaming search against real local upstreams, read as a client reads it: event by event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "FEDSEARCH_ADMIN_KEY=" + SearchStreamEndToEndTest.ADMIN)
class SearchStreamEndToEndTest {

    static final String ADMIN = "fs_stream-admin-key-0000000000000000000000";
    private static final Map<String, LocalUpstream> UPSTREAMS = new LinkedHashMap<>();
    private static final SilentUpstream SILENT = new SilentUpstream();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    record Event(String name, String data) {
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        upstream(registry, "fast", Behaviour.OK);
        upstream(registry, "slow", Behaviour.DELAY_50MS);
        upstream(registry, "hang", Behaviour.HANG);
        upstream(registry, "err500", Behaviour.HTTP_500);
        upstream(registry, "off", Behaviour.OK);
        registry.add("fedsearch.providers.off.enabled", () -> "false");
        upstream(registry, "private", Behaviour.OK);
        registry.add("fedsearch.providers.private.public", () -> "false");
        json(registry, "silent", SILENT.urlTemplate());
        registry.add("fedsearch.providers.silent.slow", () -> "true");
    }

    @AfterAll
    static void stopUpstreams() throws Exception {
        UPSTREAMS.values().forEach(LocalUpstream::close);
        SILENT.close();
    }

    private static void upstream(DynamicPropertyRegistry registry, String id, Behaviour behaviour) {
        json(registry, id, UPSTREAMS.computeIfAbsent(id, name -> new LocalUpstream(name, behaviour)).urlTemplate());
    }

    private static void json(DynamicPropertyRegistry registry, String id, String url) {
        JsonProviders.registerWithTotal(registry, id, () -> url);
    }

    @Test
    void sendsOneEventPerProviderThenTheAnswerTheJsonSearchGives() throws Exception {
        String query = "?q=" + unique() + "&providers=off,fast,slow,err500,private";
        HttpResponse<String> streamed = get("/api/v1/search/stream" + query);
        HttpResponse<String> plain = get("/api/v1/search" + query);

        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<Event> events = events(streamed.body());
        assertThat(events).extracting(Event::name).containsExactly("provider", "provider", "provider", "provider",
                "provider", "done");
        // Providers that are not called are told at once, before any called one has answered.
        assertThat(events.subList(0, 2)).extracting(e -> JSON.readTree(e.data()).get("status").asString())
                .containsExactlyInAnyOrder("disabled", "not_entitled");
        String done = events.getLast().data();
        assertThat(timesZeroed(done)).isEqualTo(timesZeroed(plain.body()));
        JsonNode answer = JSON.readTree(done);
        for (Event event : events.subList(0, 5)) {
            JsonNode entry = JSON.readTree(event.data());
            assertThat(entry).isEqualTo(entryOf(answer, entry.get("provider").asString()));
        }
        assertThat(entryOf(answer, "err500").get("error").asString()).isEqualTo("upstream answered HTTP 500");
        assertThat(answer.get("results").size()).isEqualTo(3);
    }

    @Test
    void reportsATimeoutAsItsOwnEventAndEndsByTheDeadline() throws Exception {
        HttpResponse<String> streamed = get("/api/v1/search/stream?q=" + unique() + "&providers=fast,hang&timeout_ms=300");

        List<Event> events = events(streamed.body());
        assertThat(events).extracting(Event::name).containsExactly("provider", "provider", "done");
        assertThat(JSON.readTree(events.get(0).data()).get("provider").asString()).isEqualTo("fast");
        JsonNode hang = JSON.readTree(events.get(1).data());
        assertThat(hang.get("status").asString()).isEqualTo("timeout");
        assertThat(JSON.readTree(events.get(2).data()).get("complete").asBoolean()).isFalse();
    }

    @Test
    void answersABadParameterWithTheSameProblemBeforeAnyEvent() throws Exception {
        for (String bad : List.of("?q=%20", "?q=x&providers=nope", "?q=x&timeout_ms=1", "?q=x&size=0")) {
            HttpResponse<String> streamed = get("/api/v1/search/stream" + bad);
            HttpResponse<String> plain = get("/api/v1/search" + bad);

            assertThat(streamed.statusCode()).as(bad).isEqualTo(400);
            assertThat(streamed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(streamed.body()).doesNotContain("event:");
            JsonNode problem = JSON.readTree(streamed.body());
            problem.properties().removeIf(p -> p.getKey().equals("instance"));
            JsonNode expected = JSON.readTree(plain.body());
            expected.properties().removeIf(p -> p.getKey().equals("instance"));
            assertThat(problem).as(bad).isEqualTo(expected);
        }
    }

    @Test
    void refusesAnUnknownKeyLikeEveryOtherEndpoint() throws Exception {
        var response = CLIENT.send(HttpRequest.newBuilder(uri("/api/v1/search/stream?q=x"))
                .header("X-API-Key", "fs_no-such-key").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("event:");
    }

    @Test
    void aClientThatGoesAwayCancelsTheCallsStillRunningAndTheQueryIsRecorded() throws Exception {
        String q = unique();
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/search/stream?q=" + q + "&providers=fast,silent&timeout_ms=10000 HTTP/1.1\r\n"
                    + "Host: localhost\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.contains("\"provider\":\"fast\""));
            assertThat(line).as("the fast provider's event came while the silent one was still asked").isNotNull();
            assertThat(SILENT.asked.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(SILENT.closedByClient.getCount()).isEqualTo(1);
        }

        // Well before the 10 s deadline: the disconnect, not the deadline, ended the silent provider's call.
        assertThat(SILENT.closedByClient.await(5, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var listed = CLIENT.send(HttpRequest.newBuilder(uri("/api/v1/queries?limit=1000"))
                    .header("X-API-Key", ADMIN).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode record = null;
            for (JsonNode r : JSON.readTree(listed.body()).get("queries")) {
                if (q.equals(r.get("q").asString())) record = r;
            }
            assertThat(record).as("the query record").isNotNull();
            List<String> statuses = new ArrayList<>();
            record.get("providers").forEach(p -> statuses.add(p.get("provider").asString() + "=" + p.get("status").asString()));
            assertThat(statuses).containsExactlyInAnyOrder("fast=ok", "silent=timeout");
        });
    }

    private static JsonNode entryOf(JsonNode answer, String provider) {
        for (JsonNode entry : answer.get("providers")) {
            if (entry.get("provider").asString().equals(provider)) return entry;
        }
        throw new AssertionError("no entry for " + provider);
    }

    /** The two numbers that differ between two runs of one search; everything else must be the same bytes. */
    private static String timesZeroed(String json) {
        return json.replaceAll("\"(took_ms|query_id)\":\\d+", "\"$1\":0");
    }

    /** Server-Sent Events as the HTML standard reads them: blank line ends an event, ':' lines are comments. */
    static List<Event> events(String body) {
        var events = new ArrayList<Event>();
        String name = "message";
        var data = new StringBuilder();
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) events.add(new Event(name, data.substring(0, data.length() - 1)));
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).stripLeading()).append('\n');
            }
        }
        return events;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String unique() {
        return "s" + UUID.randomUUID().toString().substring(0, 8);
    }
}
