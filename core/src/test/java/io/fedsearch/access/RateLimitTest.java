package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest extends AccessTestBase {

    @Test
    void twentyFirstCallInOneSecondIs429WithRetryAfter() {
        String key = http.createKey(ADMIN, Map.of("principal", "burst", "per_second", 20, "per_hour", 10_000))
                .path("key").asString();
        long start = System.nanoTime();
        var answers = new ArrayList<HttpResponse<String>>();
        for (int i = 0; i < 21; i++) {
            answers.add(http.get("/api/v1/providers", key));
        }
        // The burst refills whole each second; on a starved machine the 21 calls may span a refill, which would
        // prove nothing either way. The hourly test below asserts the same path without any clock dependence.
        assumeTrue(System.nanoTime() - start < 900_000_000L, "21 calls took longer than the refill interval");

        assertThat(answers.subList(0, 20)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        var refused = answers.get(20);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(refused).path("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("20");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void hourlyLimitRefusesOnceSpentAndSaysWhenToRetry() {
        String key = http.createKey(ADMIN, Map.of("principal", "hourly", "per_second", 20, "per_hour", 5))
                .path("key").asString();
        for (int i = 0; i < 5; i++) {
            var ok = http.get("/api/v1/search?q=x&providers=pub", key);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(4 - i));
        }
        var refused = http.get("/api/v1/search?q=x&providers=pub", key);
        assertThat(refused.statusCode()).isEqualTo(429);
        // 5 per hour refill one call every 720 s.
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(600L, 720L);
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("5");
        assertThat(Http.json(refused).path("detail").asString()).contains("5 calls per hour");
    }

    @Test
    void everyLimitedAnswerCarriesRateLimitHeaders() {
        String key = http.createKey(ADMIN, Map.of("principal", "headers")).path("key").asString();
        var limited = http.get("/api/v1/providers", key);
        assertThat(limited.headers().firstValue("RateLimit-Limit")).hasValue("20");
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("19");
        assertThat(limited.headers().firstValue("RateLimit-Reset")).isPresent();
        var anonymous = http.get("/api/v1/search?q=x", null);
        assertThat(anonymous.headers().firstValue("RateLimit-Limit")).hasValue("1000");
        var badInput = http.get("/api/v1/search", key);
        assertThat(badInput.statusCode()).isEqualTo(400);
        assertThat(badInput.headers().firstValue("RateLimit-Remaining")).isPresent();
    }

    @Test
    void operationsPathsAreNotLimited() {
        var health = http.get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("RateLimit-Limit")).isEmpty();
        assertThat(http.get("/v3/api-docs", null).headers().firstValue("RateLimit-Limit")).isEmpty();
    }

    @Test
    void eachKeyHasItsOwnBudget() {
        String spent = http.createKey(ADMIN, Map.of("principal", "spent", "per_hour", 1)).path("key").asString();
        String fresh = http.createKey(ADMIN, Map.of("principal", "spent", "per_hour", 1)).path("key").asString();
        assertThat(http.get("/api/v1/providers", spent).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/providers", spent).statusCode()).isEqualTo(429);
        assertThat(http.get("/api/v1/providers", fresh).statusCode()).isEqualTo(200);
    }
}
