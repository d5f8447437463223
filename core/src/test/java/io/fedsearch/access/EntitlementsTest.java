package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EntitlementsTest extends AccessTestBase {

    @Test
    void nonPublicProviderIsNotEntitledWithoutGrantAndOkWithIt() {
        String key = http.createKey(ADMIN, Map.of("principal", "bob")).path("key").asString();
        assertThat(http.status(key, "crm")).isEqualTo("not_entitled");
        assertThat(http.status(key, "pub")).isEqualTo("ok");

        var put = http.send("PUT", "/admin/entitlements/bob", ADMIN, Map.of("providers", List.of("crm")));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(Http.json(put).path("providers").get(0).asString()).isEqualTo("crm");

        assertThat(http.status(key, "crm")).isEqualTo("ok");
        JsonNode stored = Http.json(http.get("/admin/entitlements/bob", ADMIN));
        assertThat(stored.path("principal").asString()).isEqualTo("bob");
        assertThat(stored.path("providers").size()).isEqualTo(1);

        http.send("PUT", "/admin/entitlements/bob", ADMIN, Map.of("providers", List.of()));
        assertThat(http.status(key, "crm")).isEqualTo("not_entitled");
    }

    @Test
    void anonymousCallersSeeOnlyPublicProviders() {
        assertThat(http.status(null, "crm")).isEqualTo("not_entitled");
        JsonNode listed = Http.json(http.get("/api/v1/providers", null)).path("providers");
        assertThat(listed.findValuesAsString("id")).contains("pub").doesNotContain("crm");
        JsonNode answer = Http.json(http.get("/api/v1/search?q=x", null));
        assertThat(answer.path("providers").findValuesAsString("provider")).contains("pub").doesNotContain("crm");
    }

    @Test
    void providersNamedInTheKeyAreGrantedToo() {
        String key = http.createKey(ADMIN, Map.of("principal", "gina", "providers", List.of("crm"))).path("key").asString();
        assertThat(http.status(key, "crm")).isEqualTo("ok");
        JsonNode listed = Http.json(http.get("/api/v1/providers", key)).path("providers");
        assertThat(listed.findValuesAsString("id")).contains("pub", "crm").doesNotContain("wiki");
    }

    @Test
    void adminSetUserIdFillsTheUserPlaceholder() {
        String key = http.createKey(ADMIN, Map.of("principal", "hank")).path("key").asString();
        http.send("PUT", "/admin/entitlements/hank", ADMIN,
                Map.of("providers", List.of("crm"), "user_ids", Map.of("crm", "u-42")));
        JsonNode crm = Http.json(http.get("/api/v1/search?q=x&providers=crm", key)).path("providers").get(0);
        assertThat(crm.path("results").findValuesAsString("title")).allSatisfy(t -> assertThat(t).endsWith("for u-42"));
        assertThat(Http.json(http.get("/admin/entitlements/hank", ADMIN)).path("user_ids").path("crm").asString())
                .isEqualTo("u-42");
    }

    @Test
    void userIdIsLookedUpAtTheProvidersUserIdUrlAndCached() {
        String key = http.createKey(ADMIN, Map.of("principal", "ivy", "providers", List.of("wiki"))).path("key").asString();
        int before = UPSTREAM.lookups.get();
        JsonNode wiki = Http.json(http.get("/api/v1/search?q=x&providers=wiki", key)).path("providers").get(0);
        assertThat(wiki.path("status").asString()).isEqualTo("ok");
        assertThat(wiki.path("results").get(0).path("title").asString()).isEqualTo("wiki for wiki-ivy");
        http.get("/api/v1/search?q=y&providers=wiki", key);
        assertThat(UPSTREAM.lookups.get() - before).isEqualTo(1);
    }

    @Test
    void itemCheckLeavesOutResultsTheCallerMayNotSee() {
        String key = http.createKey(ADMIN, Map.of("principal", "jack", "providers", List.of("crm"))).path("key").asString();
        JsonNode answer = Http.json(http.get("/api/v1/search?q=items&providers=crm", key));
        JsonNode crm = answer.path("providers").get(0);
        assertThat(crm.path("status").asString()).isEqualTo("ok");
        assertThat(crm.path("results").findValuesAsString("id")).containsExactly("1", "3");
        assertThat(answer.path("results").findValuesAsString("id")).containsExactlyInAnyOrder("1", "3");

        int checks = UPSTREAM.checks.get();
        http.get("/api/v1/search?q=items&providers=crm", key);
        assertThat(UPSTREAM.checks.get()).as("answers are cached").isEqualTo(checks);
    }

    @Test
    void failingItemCheckHidesTheItemsNeverShowsThem() {
        String key = http.createKey(ADMIN, Map.of("principal", "broken", "providers", List.of("crm"))).path("key").asString();
        JsonNode answer = Http.json(http.get("/api/v1/search?q=items&providers=crm", key));
        JsonNode crm = answer.path("providers").get(0);
        assertThat(crm.path("status").asString()).isEqualTo("ok");
        assertThat(crm.path("results").size()).isZero();
        assertThat(answer.path("results").size()).isZero();
    }

    @Test
    void unknownProviderInEntitlementsIsRefused() {
        var put = http.send("PUT", "/admin/entitlements/kim", ADMIN, Map.of("providers", List.of("crm", "nope")));
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(Http.json(put).path("detail").asString()).contains("nope");
    }
}
