package io.fedsearch.cluster;

import static io.fedsearch.cluster.Cluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What one replica does, the others honour: history, limits, revokes, flags, flushes, recent lists, trending and
 * suggest, on three replicas of the jar sharing PostgreSQL and Redis. Requests go to the replicas directly, so each
 * test knows which replica did what.
 */
@ExtendWith(ClusterExtension.class)
class SharedStateIT {

    private static final Duration WITHIN_ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(50);

    private static Cluster cluster;
    private static List<Api> replicas;

    @BeforeAll
    static void cluster(Cluster started) {
        cluster = started;
        replicas = started.apis();
    }

    @Test
    void aQueryAnsweredByOneReplicaIsReadableByIdOnEveryOtherWithinOneSecond() {
        String key = cluster.newKey("reader").secret();
        for (Api answering : replicas) {
            String q = "read " + answering.name() + " " + UUID.randomUUID();
            long id = answering.searchOk(q, key).path("query_id").asLong();
            for (Api other : others(answering)) {
                await(other.name() + " reads query " + id).atMost(WITHIN_ONE_SECOND).pollInterval(POLL)
                        .until(() -> other.get("/api/v1/queries/" + id, key).statusCode() == 200);
                assertThat(Api.json(other.get("/api/v1/queries/" + id, key)).path("q").asString()).isEqualTo(q);
            }
        }
    }

    @Test
    void aKeyOfTenPerSecondGetsExactlyTenOfThirtyCallsSpreadOverThreeReplicasInOneSecond() {
        // The budget refills every second, so the count is only exact when all 30 calls fall within one second;
        // on a busy machine a round can take longer, and then it is run again with a fresh key.
        Burst burst = null;
        for (int round = 0; round < 5 && (burst == null || burst.took().toMillis() >= 1000); round++) {
            burst = burst(cluster.newKey("ten", Map.of("per_second", 10, "per_hour", 1_000_000)).secret());
        }
        assertThat(burst.took()).as("a round of 30 calls within one second (5 tries)").isLessThan(Duration.ofSeconds(1));
        assertThat(burst.statuses().stream().filter(s -> s == 200).count()).isEqualTo(10);
        assertThat(burst.statuses().stream().filter(s -> s == 429).count()).isEqualTo(20);
    }

    @Test
    void aKeyRevokedOnOneReplicaIsRefusedByTheOthersWithinOneSecond() {
        Api.Key key = cluster.newKey("revoked");
        for (Api replica : replicas) {
            assertThat(replica.get("/api/v1/providers", key.secret()).statusCode()).as("cached on " + replica.name())
                    .isEqualTo(200);
        }
        Api first = replicas.getFirst();
        assertThat(first.send("DELETE", "/admin/api-keys/" + key.id(), ADMIN, null).statusCode()).isEqualTo(204);
        for (Api other : others(first)) {
            await(other.name() + " refuses the key").atMost(WITHIN_ONE_SECOND).pollInterval(POLL)
                    .until(() -> other.get("/api/v1/providers", key.secret()).statusCode() == 401);
        }
    }

    @Test
    void aProviderSwitchedOffOnOneReplicaIsDisabledOnTheOthersWithinOneSecond() {
        String key = cluster.newKey("flags").secret();
        Api first = replicas.getFirst();
        for (Api replica : replicas) {
            assertThat(replica.providerStatus(key, "local")).isEqualTo("ok");
        }
        try {
            assertThat(first.send("PUT", "/admin/flags/provider.local", ADMIN, Map.of("enabled", false)).statusCode())
                    .isEqualTo(200);
            for (Api other : others(first)) {
                await(other.name() + " disables the provider").atMost(WITHIN_ONE_SECOND).pollInterval(POLL)
                        .until(() -> other.providerStatus(key, "local").equals("disabled"));
            }
        } finally {
            first.send("DELETE", "/admin/flags/provider.local", ADMIN, null);
            for (Api replica : replicas) {
                await().atMost(Duration.ofSeconds(10)).until(() -> replica.providerStatus(key, "local").equals("ok"));
            }
        }
    }

    @Test
    void aCacheFlushOnOneReplicaMakesTheOthersCallTheProviderAgainWithinOneSecond() {
        String key = cluster.newKey("flush").secret();
        String q = "flush " + UUID.randomUUID();
        Api first = replicas.getFirst();
        List<Api> others = others(first);
        for (Api other : others) {
            assertThat(title(other.searchOk(q, key))).contains("(v");
        }
        int generation = cluster.upstream.nextGeneration();
        for (Api other : others) {
            assertThat(title(other.searchOk(q, key))).as("answered from the cache").doesNotContain("(v" + generation + ")");
        }
        assertThat(first.send("POST", "/admin/cache/flush", ADMIN, null).statusCode()).isEqualTo(200);
        for (Api other : others) {
            await(other.name() + " calls the provider again").atMost(WITHIN_ONE_SECOND).pollInterval(POLL)
                    .until(() -> title(other.searchOk(q, key)).contains("(v" + generation + ")"));
        }
    }

    @Test
    void recentQueriesAreTheSameListOnEveryReplica() {
        String key = cluster.newKey("recent").secret();
        var asked = new ArrayList<String>();
        for (Api replica : replicas) {
            String q = "recent " + replica.name() + " " + UUID.randomUUID();
            replica.searchOk(q, key);
            asked.addFirst(q);
        }
        for (Api replica : replicas) {
            await(replica.name() + " lists the queries made on all three").atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(texts(replica.get("/api/v1/me/recent-queries", key), "queries", "q"))
                            .isEqualTo(asked));
        }
    }

    @Test
    void trendingCountsClicksMadeOnEveryReplicaAndIsTheSameOnEach() {
        String key = cluster.newKey("trending").secret();
        String q = "trend " + UUID.randomUUID();
        long id = replicas.getFirst().searchOk(q, key).path("query_id").asLong();
        // q-1 opened on two replicas, q-2 on the third
        List<String> opened = List.of(q + "-1", q + "-1", q + "-2");
        for (int i = 0; i < replicas.size(); i++) {
            Api replica = replicas.get(i);
            var click = Map.of("query_id", id, "provider", "local", "result_id", opened.get(i));
            await(replica.name() + " records a click").atMost(Duration.ofSeconds(5))
                    .until(() -> replica.send("POST", "/api/v1/clicks", key, click).statusCode() == 201);
        }
        for (Api replica : replicas) {
            await(replica.name() + " counts every click").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode trending = Api.json(replica.get("/api/v1/trending?days=1&limit=20", key));
                var ours = new ArrayList<String>();
                trending.path("results").forEach(r -> {
                    if (r.path("result_id").asString().startsWith(q)) {
                        ours.add(r.path("result_id").asString() + "=" + r.path("opened").asInt());
                    }
                });
                assertThat(ours).containsExactly(q + "-1=2", q + "-2=1");
            });
        }
    }

    @Test
    void suggestOffersAQueryAskedOnOneReplicaOnEveryReplica() {
        String key = cluster.newKey("suggest").secret();
        String word = "quokka" + UUID.randomUUID().toString().substring(0, 8);
        String q = word + " habitat";
        replicas.getFirst().searchOk(q, key);
        for (Api replica : replicas) {
            await(replica.name() + " suggests it").atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(
                            texts(replica.get("/api/v1/suggest?prefix=" + word, key), "suggestions", "text"))
                            .containsExactly(q));
        }
    }

    private record Burst(List<Integer> statuses, Duration took) {
    }

    /** 30 calls at once, 10 on each replica; how they were answered and how long the whole round took. */
    private static Burst burst(String key) {
        var calls = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            calls.add(replicas.get(i % 3).getAsync("/api/v1/providers", key, Duration.ofSeconds(10)));
        }
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        return new Burst(statuses, Duration.ofNanos(System.nanoTime() - start));
    }

    private static List<Api> others(Api replica) {
        return replicas.stream().filter(r -> !r.equals(replica)).toList();
    }

    private static String title(JsonNode answer) {
        return answer.path("results").get(0).path("title").asString();
    }

    private static List<String> texts(HttpResponse<String> response, String list, String field) {
        assertThat(response.statusCode()).isEqualTo(200);
        var texts = new ArrayList<String>();
        Api.json(response).path(list).forEach(item -> texts.add(item.path(field).asString()));
        return texts;
    }
}
