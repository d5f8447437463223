package io.fedsearch.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client for access look-ups at providers (user ids, item rights). Every failure (connection, timeout,
 * non-2xx status, non-JSON body) is an {@link IOException}, so callers have exactly one case to handle.
 */
@Component
class AccessHttp implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final JsonMapper json;

    AccessHttp(JsonMapper json) {
        this.json = json;
    }

    JsonNode get(URI uri, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET(), timeout);
    }

    JsonNode post(URI uri, Object body, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), timeout);
    }

    private JsonNode send(HttpRequest.Builder request, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + answer.statusCode());
        }
        try {
            return json.readTree(answer.body());
        } catch (RuntimeException e) {
            throw new IOException("not JSON: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
