package io.fedsearch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica: the public jar as a child process, configured by environment only, as an operator runs it. Each
 * start writes its own log file, so a test can read what one run of the replica said.
 */
final class Replica {

    private final int number;
    private final int port;
    private final Path jar;
    private final Path dir;
    private final Map<String, String> environment;
    private volatile Process process;
    private int starts;
    private Path log;

    Replica(int number, int port, Path jar, Path dir, Map<String, String> environment) {
        this.number = number;
        this.port = port;
        this.jar = jar;
        this.dir = dir;
        this.environment = environment;
    }

    void start() {
        try {
            Files.createDirectories(dir);
            starts++;
            log = dir.resolve("replica-" + number + "-run-" + starts + ".log");
            var builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // small: three of these share two cores with PostgreSQL, Redis, nginx and the test
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting replica " + number, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no draining, nothing written that was still queued. */
    void kill() {
        process.destroyForcibly();
        waitForExit(30);
    }

    /** SIGTERM: Spring Boot's graceful shutdown; returns at once. */
    void terminate() {
        process.destroy();
    }

    /** Stops it (SIGTERM, then SIGKILL after a while); used at the end and on failure. */
    void stop() {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!waitForExit(40)) {
            process.destroyForcibly();
            waitForExit(10);
        }
    }

    boolean waitForExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What this run of the replica logged so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api api() {
        return Api.at("replica-" + number, port);
    }

    int port() {
        return port;
    }

    @Override
    public String toString() {
        return "replica-" + number + " on port " + port;
    }
}
