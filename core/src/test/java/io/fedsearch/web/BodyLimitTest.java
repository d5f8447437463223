package io.fedsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * fedsearch.web.max-body-size on every JSON endpoint, admin and clicks included. The client sends only the start
 * of a 10 MB body and then waits: an answer at all proves the service read no further than the limit (the socket
 * read would time out otherwise).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"FEDSEARCH_ADMIN_KEY=" + BodyLimitTest.ADMIN, "fedsearch.web.max-body-size=16KB"})
class BodyLimitTest {

    static final String ADMIN = "fs_test-admin-key-0000000000000000000000";
    private static final List<String> JSON_ENDPOINTS = List.of("POST /admin/api-keys", "PUT /admin/entitlements/bob",
            "PUT /admin/flags/trending", "POST /api/v1/clicks", "POST /queries");

    @LocalServerPort
    int port;

    private static Map<String, String> headers(String... pairs) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("X-API-Key", ADMIN);
        for (int i = 0; i < pairs.length; i += 2) headers.put(pairs[i], pairs[i + 1]);
        return headers;
    }

    private static void tooLarge(RawHttp.Answer answer, String what) {
        assertThat(answer.status()).as(what + " " + answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.body()).as(what).contains("/problems/body-too-large");
    }

    @Test
    void answers413ToADeclared10MegabyteBodyWithoutReadingIt() {
        byte[] start = "{\"principal\": \"".getBytes(StandardCharsets.UTF_8);
        for (String endpoint : JSON_ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            var answer = new RawHttp(port).send(parts[0], parts[1],
                    headers("Content-Length", String.valueOf(10 * 1024 * 1024)), start);
            tooLarge(answer, endpoint);
        }
    }

    @Test
    void answers413ToAChunkedBodyOnceItPassesTheLimit() {
        // 20 KB of one JSON string in 1 KB chunks, and no last chunk: the service must answer from what it has.
        var chunked = new StringBuilder("400\r\n{\"provider\": \"" + "a".repeat(1024 - 14) + "\r\n");
        for (int i = 0; i < 19; i++) chunked.append("400\r\n").append("a".repeat(1024)).append("\r\n");
        for (String endpoint : JSON_ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            var answer = new RawHttp(port).send(parts[0], parts[1], headers("Transfer-Encoding", "chunked"),
                    chunked.toString().getBytes(StandardCharsets.UTF_8));
            tooLarge(answer, endpoint + " chunked");
        }
    }

    @Test
    void answers413ToAFormBodyOverTheLimit() {
        byte[] form = ("start_timestamp=" + "a".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        var answer = new RawHttp(port).send("POST", "/queries",
                headers("Content-Type", "application/x-www-form-urlencoded", "Transfer-Encoding", "chunked"),
                ("%x\r\n".formatted(form.length) + new String(form, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        tooLarge(answer, "chunked form");
    }

    @Test
    void acceptsABodyWithinTheLimit() {
        var answer = new RawHttp(port).send("PUT", "/admin/flags/trending", headers(),
                ("{\"enabled\": true, \"padding\": \"" + "a".repeat(15_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
