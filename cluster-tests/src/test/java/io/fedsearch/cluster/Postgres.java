package io.fedsearch.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL (zonky embedded binaries) that can be stopped and started again on the same port with the same
 * data: zonky runs {@code pg_ctl stop -m fast} on close and, given a data directory that already holds a cluster and
 * {@code cleanDataDirectory=false}, starts on it again without initdb. Connections are cut as in a real outage.
 */
final class Postgres implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int port;
    private EmbeddedPostgres server;

    Postgres(Path dataDir, Path log, int port) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    synchronized void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting PostgreSQL", e);
        }
    }

    synchronized boolean running() {
        return server != null;
    }

    synchronized void stop() {
        if (server == null) return;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping PostgreSQL", e);
        } finally {
            server = null;
        }
    }

    /** The database every replica shares (the server's default one; nothing else lives in it). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?reWriteBatchedInserts=true";
    }

    @Override
    public void close() {
        stop();
    }
}
