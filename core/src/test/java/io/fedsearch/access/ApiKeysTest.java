package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiKeysTest extends AccessTestBase {

    @Test
    void createdKeyIsAcceptedAsXApiKeyAndAsBearerToken() throws Exception {
        JsonNode created = http.createKey(ADMIN, Map.of("principal", "alice"));
        String key = created.path("key").asString();
        assertThat(key).startsWith("fs_").hasSize(46);
        assertThat(created.path("principal").asString()).isEqualTo("alice");
        assertThat(created.path("id").asString()).isNotBlank();

        assertThat(http.get("/api/v1/providers", key).statusCode()).isEqualTo(200);
        var bearer = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/providers"))
                .header("Authorization", "Bearer " + key).build();
        assertThat(Http.CLIENT.send(bearer, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownKeyIsRefusedWith401ProblemJson() {
        var response = http.get("/api/v1/search?q=x", "fs_not-a-key-at-all");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = Http.json(response);
        assertThat(problem.path("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
    }

    @Test
    void revokedKeyIsRefusedOnTheNextRequest() {
        JsonNode created = http.createKey(ADMIN, Map.of("principal", "carol"));
        String key = created.path("key").asString();
        assertThat(http.get("/api/v1/providers", key).statusCode()).isEqualTo(200);

        var deleted = http.send("DELETE", "/admin/api-keys/" + created.path("id").asString(), ADMIN, null);
        assertThat(deleted.statusCode()).isEqualTo(204);

        assertThat(http.get("/api/v1/providers", key).statusCode()).isEqualTo(401);
        assertThat(http.send("DELETE", "/admin/api-keys/" + created.path("id").asString(), ADMIN, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void adminEndpointsRefuseAnonymousAndNonAdminCallers() {
        String plain = http.createKey(ADMIN, Map.of("principal", "dave")).path("key").asString();
        var calls = List.of(
                List.of("GET", "/admin/api-keys"), List.of("POST", "/admin/api-keys"),
                List.of("DELETE", "/admin/api-keys/x"), List.of("GET", "/admin/entitlements/dave"),
                List.of("PUT", "/admin/entitlements/dave"), List.of("GET", "/admin/flags"),
                List.of("PUT", "/admin/flags/trending"), List.of("POST", "/admin/cache/flush"),
                List.of("POST", "/admin/config/reload"), List.of("GET", "/admin/audit"));
        for (var call : calls) {
            var anonymous = http.send(call.get(0), call.get(1), null, "{}");
            assertThat(anonymous.statusCode()).as("anonymous %s", call).isEqualTo(401);
            assertThat(Http.json(anonymous).path("type").asString()).isEqualTo("/problems/unauthorized");
            var nonAdmin = http.send(call.get(0), call.get(1), plain, "{}");
            assertThat(nonAdmin.statusCode()).as("non-admin %s", call).isEqualTo(403);
            assertThat(Http.json(nonAdmin).path("type").asString()).isEqualTo("/problems/forbidden");
        }
    }

    @Test
    void adminKeyFromEnvironmentCanMakeAdminKeys() {
        String admin2 = http.createKey(ADMIN, Map.of("principal", "ops", "admin", true)).path("key").asString();
        assertThat(http.get("/admin/api-keys", admin2).statusCode()).isEqualTo(200);
    }

    @Test
    void badBodiesAre400NamingTheField() {
        assertField(http.send("POST", "/admin/api-keys", ADMIN, Map.of("providers", List.of())), "principal");
        assertField(http.send("POST", "/admin/api-keys", ADMIN, Map.of("principal", "has space")), "principal");
        assertField(http.send("POST", "/admin/api-keys", ADMIN, Map.of("principal", "anonymous")), "principal");
        assertField(http.send("POST", "/admin/api-keys", ADMIN, Map.of("principal", "f", "per_second", 0)), "per_second");
        assertField(http.send("POST", "/admin/api-keys", ADMIN, Map.of("principal", "f", "per_hour", -1)), "per_hour");
        assertField(http.send("POST", "/admin/api-keys", ADMIN, Map.of("principal", "f", "providers", List.of("nope"))),
                "providers");
        assertField(http.send("POST", "/admin/api-keys", ADMIN, "{not json"), "body");
        assertField(http.send("PUT", "/admin/entitlements/f", ADMIN, Map.of("providers", List.of("nope"))), "providers");
        assertField(http.send("PUT", "/admin/entitlements/f", ADMIN, Map.of()), "providers");
        assertField(http.send("PUT", "/admin/entitlements/f", ADMIN,
                Map.of("providers", List.of(), "user_ids", Map.of("nope", "u"))), "user_ids");
        assertField(http.send("PUT", "/admin/flags/trending", ADMIN, Map.of()), "enabled");
        assertField(http.send("PUT", "/admin/flags/provider.nope", ADMIN, Map.of("enabled", false)), "name");
        assertField(http.send("PUT", "/admin/flags/Bad%20Name", ADMIN, Map.of("enabled", false)), "name");
        assertField(http.get("/admin/audit?limit=0", ADMIN), "limit");
    }

    @Test
    void everyAdminActionIsAudited() {
        JsonNode created = http.createKey(ADMIN, Map.of("principal", "frank"));
        http.send("DELETE", "/admin/api-keys/" + created.path("id").asString(), ADMIN, null);
        http.send("PUT", "/admin/entitlements/frank", ADMIN, Map.of("providers", List.of("crm")));
        http.send("POST", "/admin/cache/flush", ADMIN, null);
        http.send("POST", "/admin/config/reload", ADMIN, null);

        JsonNode entries = Http.json(http.get("/admin/audit?limit=5", ADMIN)).path("entries");
        assertThat(entries.findValuesAsString("action"))
                .containsExactly("reload_config", "flush_caches", "put_entitlements", "revoke_key", "create_key");
        assertThat(entries.findValuesAsString("actor")).containsOnly("admin");
        assertThat(entries.get(3).path("target").asString()).isEqualTo(created.path("id").asString());
        assertThat(entries.get(0).path("at").asLong()).isPositive();
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(response).path("parameter").asString()).as(response.body()).isEqualTo(field);
    }
}
