package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The access tables and their SQL on a real PostgreSQL (the scale-out store), through the HTTP API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "FEDSEARCH_ADMIN_KEY=" + AccessOnPostgresTest.ADMIN)
class AccessOnPostgresTest {

    static final String ADMIN = "fs_postgres-admin-key-00000000000000000000";
    static final EmbeddedPostgres POSTGRES = start();
    static final Upstream UPSTREAM = Upstream.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        for (String line : UPSTREAM.providerProperties()) {
            int eq = line.indexOf('=');
            registry.add(line.substring(0, eq), () -> line.substring(eq + 1));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @LocalServerPort
    int port;

    @Test
    void keysEntitlementsFlagsAndAuditWorkOnPostgres() {
        Http http = Http.at(port);
        JsonNode created = http.createKey(ADMIN, Map.of("principal", "pg-user", "providers", List.of("wiki"),
                "per_second", 7, "per_hour", 70));
        String key = created.path("key").asString();
        assertThat(http.get("/api/v1/providers", key).headers().firstValue("RateLimit-Limit")).hasValue("7");
        assertThat(http.status(key, "crm")).isEqualTo("not_entitled");

        http.send("PUT", "/admin/entitlements/pg-user", ADMIN,
                Map.of("providers", List.of("crm"), "user_ids", Map.of("crm", "u-7")));
        assertThat(http.status(key, "crm")).isEqualTo("ok");
        JsonNode stored = Http.json(http.get("/admin/entitlements/pg-user", ADMIN));
        assertThat(stored.path("user_ids").path("crm").asString()).isEqualTo("u-7");

        http.send("PUT", "/admin/flags/provider.pub", ADMIN, Map.of("enabled", false));
        assertThat(http.status(key, "pub")).isEqualTo("disabled");

        JsonNode listed = Http.json(http.get("/admin/api-keys", ADMIN)).path("api_keys");
        assertThat(listed.findValuesAsString("principal")).contains("pg-user", "admin");
        assertThat(http.send("DELETE", "/admin/api-keys/" + created.path("id").asString(), ADMIN, null).statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/providers", key).statusCode()).isEqualTo(401);

        JsonNode audit = Http.json(http.get("/admin/audit?limit=10", ADMIN)).path("entries");
        assertThat(audit.findValuesAsString("action")).containsExactly("revoke_key", "put_flag", "put_entitlements", "create_key");
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
