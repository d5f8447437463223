package io.fedsearch.history.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL primary with a hot streaming standby made by {@code pg_basebackup -R}, from the Debian
 * {@code postgresql} package (/usr/lib/postgresql/&lt;version&gt;/bin; .ci/run installs it), both under one temp
 * folder on free ports. Started once per JVM on first use and stopped (and deleted) when the JVM exits. As root
 * the servers run as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class StreamingReplica {

    private static final String PASSWORD = "fedsearch-test";
    private static final String REPLICATION_PASSWORD = "replication-test";

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int standbyPort;

    private StreamingReplica(Path bin, Path dir, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** The one pair of this JVM, started on first call. */
    public static StreamingReplica get() {
        return Shared.INSTANCE;
    }

    /** JDBC settings of one database on the primary and the same database on its standby. */
    public record Database(TestDatabase.Url primary, TestDatabase.Url standby) {

        /** Command-line arguments: spring.datasource on the primary, the history's read-datasource on the standby. */
        public List<String> args() {
            var args = new ArrayList<>(primary.args());
            args.add("--fedsearch.history.read-datasource.url=" + standby.url());
            args.add("--fedsearch.history.read-datasource.username=" + standby.username());
            args.add("--fedsearch.history.read-datasource.password=" + standby.password());
            return args;
        }
    }

    /** A new empty database, created on the primary and waited for on the standby. */
    public Database create() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = connect(primaryPort, "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // CREATE DATABASE reaches the standby by replication.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Connection c = connect(standbyPort, name)) {
                return c.isValid(1);
            }
        });
        return new Database(url(primaryPort, name), url(standbyPort, name));
    }

    /** Stops the standby at once (as a crash would); the primary keeps running. */
    public void stopStandby() {
        pgCtl("-D", dir.resolve("standby").toString(), "-m", "immediate", "stop");
    }

    public void startStandby() {
        pgCtl("-D", dir.resolve("standby").toString(), "-l", dir.resolve("standby.log").toString(), "start");
    }

    /** pg_wal_replay_pause(): the standby answers reads but applies nothing new until resumed. */
    public void pauseReplay() {
        onStandby("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        onStandby("SELECT pg_wal_replay_resume()");
    }

    private void onStandby(String sql) {
        try (Connection c = connect(standbyPort, "postgres")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestDatabase.Url url(int port, String database) {
        return new TestDatabase.Url("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", PASSWORD);
    }

    private static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres",
                PASSWORD);
    }

    private static StreamingReplica start() throws IOException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("fedsearch-replica");
        var pair = new StreamingReplica(bin, dir, freePort(), freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(pair::destroy));
        pair.own(dir);
        Path pw = dir.resolve("pw");
        Files.writeString(pw, PASSWORD + "\n");
        pair.own(pw);
        Path primary = dir.resolve("primary");
        pair.run(bin.resolve("initdb").toString(), "-D", primary.toString(), "-U", "postgres", "--auth-local=trust",
                "--auth-host=scram-sha-256", "--pwfile=" + pw, "-E", "UTF8", "--no-locale");
        // wal_level=replica and max_wal_senders are PostgreSQL's defaults; spelled out because they are the point.
        Files.writeString(primary.resolve("postgresql.conf"), """

                port = %d
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '%s'
                wal_level = replica
                max_wal_senders = 4
                hot_standby = on
                fsync = off
                """.formatted(pair.primaryPort, dir), StandardOpenOption.APPEND);
        pair.pgCtl("-D", primary.toString(), "-l", dir.resolve("primary.log").toString(), "start");
        try (Connection c = connect(pair.primaryPort, "postgres")) {
            c.createStatement().execute("CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '"
                    + REPLICATION_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Path standby = dir.resolve("standby");
        // -R writes primary_conninfo and standby.signal: the copy starts as a streaming standby of the primary.
        pair.run(bin.resolve("pg_basebackup").toString(), "-d", "host=127.0.0.1 port=" + pair.primaryPort
                + " user=replicator password=" + REPLICATION_PASSWORD, "-D", standby.toString(), "-R", "-X", "stream",
                "-c", "fast");
        Files.writeString(standby.resolve("postgresql.auto.conf"), "port = " + pair.standbyPort + "\n",
                StandardOpenOption.APPEND);
        pair.startStandby();
        return pair;
    }

    /** The newest installed version's binaries. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_basebackup")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (found.isPresent()) return found.get();
            }
        }
        throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql/*/bin: apt-get install -y postgresql");
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void own(Path path) {
        if (root()) run("chown", "postgres:", path.toString());
    }

    private void pgCtl(String... args) {
        var command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-w", "-t", "60"));
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    /** Runs a command (as postgres when root) to its end; its output goes to a log file, never to a pipe. */
    private void run(String... command) {
        var line = new ArrayList<String>();
        if (root() && !command[0].equals("chown")) line.addAll(List.of("runuser", "-u", "postgres", "--"));
        line.addAll(List.of(command));
        try {
            // pg_ctl's server inherits the output: a pipe would never close, a file does not matter.
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " failed; see "
                        + dir.resolve("commands.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void destroy() {
        for (String server : List.of("standby", "primary")) {
            try {
                pgCtl("-D", dir.resolve(server).toString(), "-m", "immediate", "stop");
            } catch (RuntimeException alreadyStopped) {
                // a test may have stopped the standby
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the JVM is exiting; a temp folder left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class Shared {
        static final StreamingReplica INSTANCE;

        static {
            try {
                INSTANCE = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
