package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Its own application context (the odd key-cache-ttl makes it one), started while the output is captured: a
 * context reused from another class would log to a stream captured before this class began.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "fedsearch.access.key-cache-ttl=31s")
class SecretsNotLoggedTest extends AccessTestBase {

    @Test
    void secretsAppearInNoLogLineAndNoListing(CapturedOutput output) {
        JsonNode created = http.createKey(ADMIN, Map.of("principal", "erin", "providers", List.of("crm")));
        String key = created.path("key").asString();
        http.get("/api/v1/search?q=secret-test", key);
        http.get("/api/v1/search?q=bad", key + "x");
        var listing = http.get("/admin/api-keys", ADMIN);
        http.send("DELETE", "/admin/api-keys/" + created.path("id").asString(), ADMIN, null);
        http.get("/api/v1/search?q=revoked", key);
        var audit = http.get("/admin/audit", ADMIN);

        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.body()).contains(created.path("id").asString()).doesNotContain(key)
                .doesNotContain(ApiKeySecret.hash(key)).doesNotContain(ADMIN);
        JsonNode listed = Http.json(listing).path("api_keys");
        assertThat(listed.isArray()).isTrue();
        assertThat(listed.findValuesAsString("prefix")).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(7));
        assertThat(audit.body()).doesNotContain(key);
        assertThat(output.getAll()).contains("/api/v1/search").contains("principal=erin")
                .doesNotContain(key).doesNotContain(key.substring(3)).doesNotContain(ADMIN);
    }
}
