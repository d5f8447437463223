package io.fedsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.access.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** /v3/api-docs names body fields as the wire does (spring.jackson.property-naming-strategy: SNAKE_CASE). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "FEDSEARCH_ADMIN_KEY=" + OpenApiDocumentTest.ADMIN)
class OpenApiDocumentTest {

    static final String ADMIN = "fs_test-admin-key-0000000000000000000000";

    @LocalServerPort
    int port;

    private ApiOperations operations() {
        return ApiOperations.of(Http.json(Http.at(port).get("/v3/api-docs", null)));
    }

    @Test
    void namesEverySchemaPropertyInSnakeCase() {
        JsonNode schemas = operations().document().path("components").path("schemas");
        assertThat(schemas.size()).isGreaterThan(20);
        for (var schema : schemas.properties()) {
            for (var property : schema.getValue().path("properties").properties()) {
                assertThat(property.getKey()).as(schema.getKey()).matches("[a-z][a-z0-9]*(_[a-z0-9]+)*");
            }
        }
    }

    /**
     * A field named as the document says is read: given a value of the wrong type it is refused by that name. Had
     * the document said perSecond, the service would ignore the field and no answer would name it.
     */
    @Test
    void readsEveryBodyFieldUnderTheNameTheDocumentGives() {
        var http = Http.at(port);
        int checked = 0;
        for (var op : operations().all()) {
            for (var field : op.bodyFields().entrySet()) {
                Object wrong = field.getValue().equals("object") ? 5 : Map.of("not", "this");
                String path = op.path().replace("{name}", "trending").replace("{principal}", "bob");
                var answer = http.send(op.method(), path, ADMIN, Map.of(field.getKey(), wrong));
                assertThat(answer.statusCode()).as(op + " " + field.getKey() + " " + answer.body()).isEqualTo(400);
                assertThat(Http.json(answer).path("parameter").asString()).as(op + " " + answer.body())
                        .isEqualTo(field.getKey());
                checked++;
            }
        }
        assertThat(checked).as("body fields checked").isGreaterThanOrEqualTo(12);
    }

    @Test
    void acceptsBodiesWrittenWithTheDocumentedNames() {
        var http = Http.at(port);
        var key = http.send("POST", "/admin/api-keys", ADMIN, Map.of("principal", "documented", "per_second", 7,
                "per_hour", 70));
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        JsonNode listed = null;
        for (JsonNode k : Http.json(http.get("/admin/api-keys", ADMIN)).path("api_keys")) {
            if (k.path("principal").asString().equals("documented")) listed = k;
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("per_second").asInt()).isEqualTo(7);
        assertThat(listed.path("per_hour").asInt()).isEqualTo(70);

        var grants = http.send("PUT", "/admin/entitlements/documented", ADMIN,
                Map.of("providers", java.util.List.of(), "user_ids", Map.of("messages", "u-1")));
        assertThat(grants.statusCode()).as(grants.body()).isEqualTo(200);
        assertThat(Http.json(grants).path("user_ids").path("messages").asString()).isEqualTo("u-1");
    }
}
