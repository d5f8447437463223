package io.fedsearch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** A real Redis (embedded-redis) that can be stopped and started again, empty, on the same port. */
final class Redis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    Redis(int port) {
        this.port = port;
    }

    synchronized void start() {
        try {
            server = new RedisServer(port);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting Redis", e);
        }
    }

    synchronized boolean running() {
        return server != null;
    }

    /** Kills the server: connected clients see their connections closed, new ones are refused. */
    synchronized void stop() {
        if (server == null) return;
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping Redis", e);
        } finally {
            server = null;
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
