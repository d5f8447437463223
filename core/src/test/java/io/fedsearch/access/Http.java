package io.fedsearch.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON client for one running instance; public for other modules' HTTP tests, which make keys with it. */
public record Http(String base) {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    public static Http at(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    public HttpResponse<String> get(String path, String key) {
        return send("GET", path, key, null);
    }

    public HttpResponse<String> send(String method, String path, String key, Object body) {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) request.header("X-API-Key", key);
        if (body != null) {
            request.header("Content-Type", "application/json");
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Makes a key and returns {id, key}. */
    public JsonNode createKey(String admin, Map<String, ?> body) {
        var response = send("POST", "/admin/api-keys", admin, body);
        if (response.statusCode() != 201) throw new AssertionError("create key: " + response.statusCode() + " " + response.body());
        return json(response);
    }

    /** The status of one provider in a search for "x" asking only that provider. */
    public String status(String key, String provider) {
        JsonNode answer = json(get("/api/v1/search?q=x&providers=" + provider, key));
        return answer.path("providers").get(0).path("status").asString();
    }
}
