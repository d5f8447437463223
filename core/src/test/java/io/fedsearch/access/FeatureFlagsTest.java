package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FeatureFlagsTest extends AccessTestBase {

    @Test
    void providerFlaggedOffIsDisabledInTheNextAnswerWithoutRestart() {
        assertThat(http.status(null, "pub")).isEqualTo("ok");
        var put = http.send("PUT", "/admin/flags/provider.pub", ADMIN, Map.of("enabled", false));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(Http.json(put).path("enabled").asBoolean()).isFalse();
        try {
            assertThat(http.status(null, "pub")).isEqualTo("disabled");
            JsonNode flags = Http.json(http.get("/admin/flags", ADMIN)).path("flags");
            assertThat(flags.path("provider.pub").asBoolean()).isFalse();
            assertThat(flags.path("provider.crm").asBoolean()).isTrue();
            assertThat(flags.path("trending").isBoolean()).isTrue();
        } finally {
            http.send("DELETE", "/admin/flags/provider.pub", ADMIN, null);
        }
        assertThat(http.status(null, "pub")).isEqualTo("ok");
    }

    @Test
    void flagsFileChangeTakesEffectOnReload() throws Exception {
        assertThat(http.get("/api/v1/test-trending", null).statusCode()).isEqualTo(200);
        Files.writeString(FLAGS_FILE, "trending=false\n");
        try {
            assertThat(http.send("POST", "/admin/config/reload", ADMIN, null).statusCode()).isEqualTo(200);
            var off = http.get("/api/v1/test-trending", null);
            assertThat(off.statusCode()).isEqualTo(404);
            assertThat(off.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = Http.json(off);
            assertThat(problem.path("type").asString()).isEqualTo("/problems/feature-off");
            assertThat(problem.path("feature").asString()).isEqualTo("trending");
            assertThat(problem.path("detail").asString()).isEqualTo("feature trending is off");
            assertThat(Http.json(http.get("/admin/flags", ADMIN)).path("flags").path("trending").asBoolean()).isFalse();

            // An admin override wins over the file.
            http.send("PUT", "/admin/flags/trending", ADMIN, Map.of("enabled", true));
            assertThat(http.get("/api/v1/test-trending", null).statusCode()).isEqualTo(200);
            http.send("DELETE", "/admin/flags/trending", ADMIN, null);
            assertThat(http.get("/api/v1/test-trending", null).statusCode()).isEqualTo(404);
        } finally {
            Files.writeString(FLAGS_FILE, "");
            http.send("POST", "/admin/config/reload", ADMIN, null);
        }
        assertThat(http.get("/api/v1/test-trending", null).statusCode()).isEqualTo(200);
    }

    @Test
    void brokenFlagsFileKeepsTheLastGoodFlags() throws Exception {
        Files.writeString(FLAGS_FILE, "suggest=false\n");
        http.send("POST", "/admin/config/reload", ADMIN, null);
        try {
            Files.writeString(FLAGS_FILE, "suggest=perhaps\n");
            http.send("POST", "/admin/config/reload", ADMIN, null);
            assertThat(Http.json(http.get("/admin/flags", ADMIN)).path("flags").path("suggest").asBoolean()).isFalse();
        } finally {
            Files.writeString(FLAGS_FILE, "");
            http.send("POST", "/admin/config/reload", ADMIN, null);
        }
        assertThat(Http.json(http.get("/admin/flags", ADMIN)).path("flags").path("suggest").asBoolean()).isTrue();
    }
}
