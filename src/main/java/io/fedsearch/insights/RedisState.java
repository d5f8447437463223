package io.fedsearch.insights;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Redis connection of this module when {@code fedsearch.state.redis-url} is set (redis://host:port[/db]).
 * One thread-safe Lettuce connection is shared by all callers. Placeholder for the shared client of
 * io.fedsearch.state, which replaces it at merge.
 */
final class RedisState implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisState(String url) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
