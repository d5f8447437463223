package io.fedsearch.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** SharedRedis against a real Redis that is stopped and started again under it. */
@ExtendWith(OutputCaptureExtension.class)
class SharedRedisOutageTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    private EmbeddedRedis server;
    private SharedRedis redis;

    @BeforeEach
    void start() {
        server = EmbeddedRedis.start();
        redis = new SharedRedis(server.url(), Duration.ofMillis(200), 3);
    }

    @AfterEach
    void stop() {
        redis.close();
        server.close();
    }

    @Test
    void commandsAreRejectedWhileRedisIsDownAndWorkAgainWhenItIsBack() {
        redis.commands().set("k", "v");
        server.stop();

        await().atMost(WITHIN).until(() -> !redis.available());
        assertThatThrownBy(() -> redis.commands().get("k")).isInstanceOf(RedisException.class);
        assertThatThrownBy(() -> redis.publish("c", "m")).isInstanceOf(RedisException.class);

        server.restart();
        await().atMost(WITHIN).until(redis::available);
        assertThat(redis.commands().get("k")).as("a restarted Redis starts empty").isNull();
        redis.commands().set("k", "again");
        assertThat(redis.commands().get("k")).isEqualTo("again");
    }

    @Test
    void aCommandToAHungRedisFailsWithATimeoutAndTheProbeMarksItDown() {
        try (var other = new SharedRedis(server.url(), Duration.ofMillis(200), 3)) {
            // DEBUG SLEEP blocks the whole server, as a hung Redis would; its own caller times out too.
            assertThatThrownBy(() -> other.commands().dispatch(CommandType.DEBUG,
                    new StatusOutput<>(StringCodec.UTF8), new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add(3))).isInstanceOf(RedisCommandTimeoutException.class);

            assertThatThrownBy(() -> redis.commands().get("k")).isInstanceOf(RedisCommandTimeoutException.class);
            await().atMost(WITHIN).until(() -> !redis.available());
            assertThat(redis.outage().reason()).as("the probe's PING timed out").isEqualTo("command timed out");

            await().atMost(WITHIN).until(redis::available);
        }
    }

    @Test
    void healthIsDegradedWhileRedisIsDownAndUpWhenItIsBack() {
        var health = new RedisHealthIndicator(redis);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        server.stop();
        await().atMost(WITHIN).untilAsserted(() -> assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED"));
        assertThat(health.health().getDetails()).containsKeys("down_since", "reason").containsEntry("replicas", 3);

        server.restart();
        await().atMost(WITHIN).untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void downAndBackAreLoggedOnceEachAndTheReconnectActionsRunOnce(CapturedOutput output) {
        var reconnected = new AtomicInteger();
        redis.onReconnect(reconnected::incrementAndGet);
        server.stop();
        await().atMost(WITHIN).until(() -> !redis.available());
        for (int i = 0; i < 50; i++) {
            try {
                redis.commands().get("k");
            } catch (RedisException e) {
                redis.failed(e);
            }
        }
        server.restart();
        await().atMost(WITHIN).until(() -> redis.outage() == null);

        assertThat(reconnected).hasValue(1);
        assertThat(output.getAll()).containsOnlyOnce("Redis is down").containsOnlyOnce("Redis is back");
    }

    @Test
    void lettuceResubscribesSoMessagesArriveAgainAfterARestart() {
        try (var other = new SharedRedis(server.url(), Duration.ofMillis(200), 3)) {
            var received = new CopyOnWriteArrayList<String>();
            redis.subscribe("fedsearch:test", received::add);
            other.publish("fedsearch:test", "before");
            await().atMost(WITHIN).until(() -> received.contains("before"));

            server.stop();
            await().atMost(WITHIN).until(() -> !redis.available() && !other.available());
            server.restart();
            await().atMost(WITHIN).until(() -> redis.available() && other.available());

            // The restarted server knows no subscriber until Lettuce subscribes again on its reconnected connection.
            await().atMost(WITHIN).untilAsserted(() -> {
                other.publish("fedsearch:test", "after");
                assertThat(received).contains("after");
            });
        }
    }

    @Test
    void aServerErrorIsNotAnOutage() {
        redis.commands().set("text", "not a list");
        assertThatThrownBy(() -> redis.commands().lpush("text", "x")).isInstanceOfSatisfying(RedisException.class,
                redis::failed);
        assertThat(redis.available()).isTrue();
        assertThat(redis.outage()).isNull();
    }
}
