package io.fedsearch.provider.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** One embedded PostgreSQL for the whole test JVM: started on first use, stopped when the JVM exits. */
final class TestPostgres {

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database in the shared server (user and password: postgres). */
    static String newDatabase() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = Shared.SERVER.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Shared.SERVER.getJdbcUrl("postgres", name);
    }

    private static final class Shared {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the temporary cluster goes with it
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
