package io.fedsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.access.Caller;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.QueryRecorded;
import io.fedsearch.insights.RecentStore.Kind;
import io.fedsearch.state.SharedRedis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Both stores against the same behaviour; the Redis one on an embedded Redis, shared by two replicas' clients. */
class RecentStoreTest {

    private static RedisServer redis;
    private static String url;
    private static SharedRedis first;
    private static SharedRedis second;

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = new RedisServer(port);
        redis.start();
        url = "redis://127.0.0.1:" + port;
        first = new SharedRedis(url);
        second = new SharedRedis(url);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        first.close();
        second.close();
        redis.stop();
    }

    static Stream<RecentStore> stores() {
        return Stream.of(new InMemoryRecentStore(), new RedisRecentStore(first));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void keepsTheLastFiveNewestFirst(RecentStore store) {
        String principal = "keep-" + System.nanoTime();
        for (int i = 1; i <= 7; i++) store.push(Kind.QUERIES, principal, "q" + i, "{\"n\":" + i + "}");

        assertThat(store.read(Kind.QUERIES, principal))
                .containsExactly("{\"n\":7}", "{\"n\":6}", "{\"n\":5}", "{\"n\":4}", "{\"n\":3}");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void foldsADuplicateIntoOneEntryAtTheFront(RecentStore store) {
        String principal = "fold-" + System.nanoTime();
        store.push(Kind.CLICKS, principal, "a", "a1");
        store.push(Kind.CLICKS, principal, "b", "b1");
        store.push(Kind.CLICKS, principal, "a", "a2");

        assertThat(store.read(Kind.CLICKS, principal)).containsExactly("a2", "b1");
        assertThat(store.read(Kind.QUERIES, principal)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void removesEntriesTheRecheckRejects(RecentStore store) {
        String principal = "recheck-" + System.nanoTime();
        store.push(Kind.CLICKS, principal, "a", "keep");
        store.push(Kind.CLICKS, principal, "b", "drop");

        int removed = store.removeIf(Kind.CLICKS, (p, json) -> p.equals(principal) && json.equals("drop"));

        assertThat(removed).isEqualTo(1);
        assertThat(store.read(Kind.CLICKS, principal)).containsExactly("keep");
    }

    @Test
    void twoReplicasOnOneRedisShowTheSameLists() {
        var replicaA = new RecentService(new RedisRecentStore(first), null);
        var replicaB = new RecentService(new RedisRecentStore(second), null);
        var carol = new Caller("carol", false, Set.of(), Map.of());
        for (int i = 1; i <= 4; i++) replicaA.onQuery(asked(i, "query " + i));
        for (int i = 3; i <= 6; i++) replicaB.onQuery(asked(10 + i, "Query " + i));

        assertThat(replicaA.queries(carol)).extracting(RecentQuery::q)
                .containsExactly("Query 6", "Query 5", "Query 4", "Query 3", "query 2");
        assertThat(replicaB.queries(carol)).isEqualTo(replicaA.queries(carol));
    }

    private static QueryRecorded asked(long id, String q) {
        return new QueryRecorded(new QueryRecord(id, Instant.ofEpochSecond(1_700_000_000L + id), "carol", "api", q,
                null, null, null, List.of(), 1, List.of()));
    }
}
