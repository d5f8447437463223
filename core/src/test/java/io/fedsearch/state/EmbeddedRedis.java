package io.fedsearch.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real Redis (embedded-redis) on a free port that tests can stop and start again on the same port. */
public final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    private EmbeddedRedis(int port) {
        this.port = port;
    }

    public static EmbeddedRedis start() {
        try (var socket = new ServerSocket(0)) {
            var redis = new EmbeddedRedis(socket.getLocalPort());
            socket.close();
            redis.restart();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server: connected clients see their connections closed, new ones are refused. */
    public synchronized void stop() {
        try {
            if (server != null) server.stop();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, empty server on the same port (nothing is persisted, as after a Redis restart without a dump). */
    public synchronized void restart() {
        try {
            server = new RedisServer(port);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
