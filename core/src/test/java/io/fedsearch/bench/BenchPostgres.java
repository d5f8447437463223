package io.fedsearch.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * A real PostgreSQL for the HTTP benchmarks (bench/history.sh with DB=postgres): the embedded server the tests use,
 * on a fixed port and a kept data directory, so a filled database outlives this process. Runs until killed.
 * Args: {@code <data-dir> <port> [prewarm]}. User and password: postgres. With {@code prewarm}, the results table
 * and its indexes are read into shared buffers first (pg_prewarm), for figures of a server whose working set is in
 * memory; without, the first reads of a run come from disk.
 */
public final class BenchPostgres {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                // A server sized like a small production box rather than initdb's defaults (128 MB buffers).
                .setServerConfig("shared_buffers", "8GB").setServerConfig("work_mem", "32MB")
                .setServerConfig("max_wal_size", "4GB").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("could not stop PostgreSQL: " + e);
            }
        }));
        if (args.length > 2 && args[2].equals("prewarm")) {
            try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
                try (var r = s.executeQuery("SELECT sum(pg_prewarm(oid)) FROM pg_class WHERE relname LIKE 'query_results%'")) {
                    r.next();
                    System.out.println("prewarmed " + r.getLong(1) * 8 / 1024 + " MiB of query_results and its indexes");
                }
            }
        }
        System.out.println("postgres ready on port " + args[1]);
        Thread.currentThread().join();
    }
}
