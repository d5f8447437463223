package io.fedsearch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for one address: a replica or nginx in front of them. */
record Api(String name, String base) {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static Api at(String name, int port) {
        return new Api(name, "http://127.0.0.1:" + port);
    }

    HttpResponse<String> get(String path, String key) {
        return send("GET", path, key, null);
    }

    HttpResponse<String> send(String method, String path, String key, Object body) {
        try {
            return CLIENT.send(request(method, path, key, body, TIMEOUT), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path, String key, Duration timeout) {
        return CLIENT.sendAsync(request("GET", path, key, null, timeout), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest request(String method, String path, String key, Object body, Duration timeout) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (key != null) request.header("X-API-Key", key);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String search(String q) {
        return "/api/v1/search?providers=local&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** A search answered 200, as JSON; fails on any other status. */
    JsonNode searchOk(String q, String key) {
        return ok(get(search(q), key), 200);
    }

    /** Makes a key with the admin key: {id, key, principal}. */
    Key createKey(String admin, Map<String, ?> body) {
        JsonNode created = ok(send("POST", "/admin/api-keys", admin, body), 201);
        return new Key(created.path("id").asString(), created.path("key").asString(),
                created.path("principal").asString());
    }

    /** This provider's status in a search for "x" asking it alone. */
    String providerStatus(String key, String provider) {
        JsonNode answer = ok(get("/api/v1/search?q=x&providers=" + provider, key), 200);
        return answer.path("providers").get(0).path("status").asString();
    }

    /** Every query id the key's principal has in its history (the last 24 h), read page by page. */
    Set<Long> historyIds(String key) {
        var ids = new HashSet<Long>();
        String cursor = null;
        do {
            String path = "/api/v1/queries?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = ok(get(path, key), 200);
            page.path("queries").forEach(q -> ids.add(q.path("query_id").asLong()));
            cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
        } while (cursor != null);
        return ids;
    }

    /** The status of a health group or component path, e.g. "/actuator/health/readiness"; "unreachable" if down. */
    String health(String path) {
        try {
            var response = CLIENT.send(request("GET", path, null, null, Duration.ofSeconds(5)),
                    HttpResponse.BodyHandlers.ofString());
            return json(response).path("status").asString("none");
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ok(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(name + " " + response.request().method() + " " + response.uri() + ": expected "
                    + status + ", got " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    record Key(String id, String secret, String principal) {
    }
}
