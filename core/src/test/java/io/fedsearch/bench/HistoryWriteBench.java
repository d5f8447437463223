package io.fedsearch.bench;

import io.fedsearch.FedsearchApplication;
import io.fedsearch.history.QueryLog;
import io.fedsearch.history.QueryRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sustained history write rate through the real path (QueryLog.append -> queue -> batch writer -> JDBC), and the
 * cost of one sequence nextval versus a hi/lo id. Also used to fill a database for the export and results
 * benchmarks: timestamps are spread evenly over the {@code days} before now.
 * <p>
 * Args: {@code h2 <file-path> | postgres | postgres-at <port>} {@code <queries>} {@code <results-per-query>}
 * {@code <days>} {@code <threads>}. {@code postgres} starts a throw-away embedded PostgreSQL; {@code postgres-at}
 * fills one already running on that port (see {@link BenchPostgres}), user and password postgres.
 */
public final class HistoryWriteBench {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int argAt = kind.equals("postgres") ? 1 : 2;
        int queries = Integer.parseInt(args[argAt]);
        int perQuery = Integer.parseInt(args[argAt + 1]);
        double days = Double.parseDouble(args[argAt + 2]);
        int threads = Integer.parseInt(args[argAt + 3]);
        EmbeddedPostgres pg = null;
        String url;
        String user;
        if (kind.equals("h2")) {
            url = "jdbc:h2:file:" + args[1] + ";DB_CLOSE_ON_EXIT=FALSE";
            user = "sa";
        } else if (kind.equals("postgres-at")) {
            url = "jdbc:postgresql://localhost:" + args[1] + "/postgres?reWriteBatchedInserts=true";
            user = "postgres";
            kind = "postgres";
        } else {
            pg = EmbeddedPostgres.builder().start();
            url = pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
            user = "postgres";
        }
        var context = new SpringApplicationBuilder(FedsearchApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + (kind.equals("h2") ? "" : "postgres"),
                        "--logging.level.root=WARN", "--fedsearch.history.retention-first-check=24h");
        try {
            QueryLog log = context.getBean(QueryLog.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            ids(log, jdbc, kind);

            long spanMs = (long) (days * 86_400_000L);
            long start = System.currentTimeMillis() - spanMs;
            long t0 = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    pool.submit(() -> {
                        for (int i = first; i < queries; i += threads) {
                            long ts = start + (long) ((double) i / queries * spanMs);
                            log.append(record(log.nextId(), Instant.ofEpochMilli(ts), i, perQuery));
                        }
                    });
                }
            }
            double appendedS = (System.nanoTime() - t0) / 1e9;
            while (meters.counter("fedsearch.history.written").count() < queries) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            double committedS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: %d queries x %d results, %d threads: appended in %.1f s, committed in %.1f s = "
                            + "%.0f records/s (%.0f result rows/s); request-side writes (queue full): %.0f%n",
                    kind, queries, perQuery, threads, appendedS, committedS, queries / committedS,
                    (double) queries * perQuery / committedS, meters.counter("fedsearch.history.sync.writes").count());
        } finally {
            context.close();
            if (pg != null) pg.close();
        }
    }

    /** hi/lo ids versus one nextval round trip per id. */
    private static void ids(QueryLog log, JdbcTemplate jdbc, String kind) {
        String nextval = kind.equals("h2") ? "SELECT NEXT VALUE FOR query_ids" : "SELECT nextval('query_ids')";
        for (int i = 0; i < 2000; i++) {
            log.nextId();
            jdbc.queryForObject(nextval, Long.class);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 100_000; i++) log.nextId();
        double hilo = (System.nanoTime() - t0) / 100_000.0;
        t0 = System.nanoTime();
        for (int i = 0; i < 5000; i++) jdbc.queryForObject(nextval, Long.class);
        double direct = (System.nanoTime() - t0) / 5000.0;
        System.out.printf("%s ids: hi/lo %.0f ns per id; one nextval per id %.1f us per id%n", kind, hilo, direct / 1000);
    }

    /**
     * Query {@code i}'s record. Names and words are made of syllables ({@link #name}), so text filters meet the
     * variety of real titles and surnames: a filter for one surname or word matches a few thousand of 10M results.
     * (The first fill used "Author 123" / "topic 45": digits the only difference, every row sharing the same letters,
     * the worst case for a trigram index; docs/bench-history.md has both.) bench/results.lua builds the same names.
     */
    static QueryRecord record(long id, Instant at, int i, int perQuery) {
        List<QueryRecord.ResultRow> rows = new ArrayList<>(perQuery);
        for (int r = 1; r <= perQuery; r++) {
            rows.add(new QueryRecord.ResultRow("docs", r, "doc-" + i + "-" + r,
                    "Result " + r + " on " + name(i % 10_000) + " " + name((i * 7 + r) % 10_000),
                    "https://example.org/" + i + "/" + r,
                    List.of(capital(name(i % 5000)), capital(name((i * 13 + r * 7) % 5000))),
                    "Journal of " + name(i % 50), "2024-01-01", null));
        }
        var summary = new QueryRecord.ProviderSummary("docs", "json", "ok", 40, 1000L, perQuery, null,
                "http://127.0.0.1/search?q=" + name(i % 10_000), 200);
        return new QueryRecord(id, at, "bench", "api", name(i % 10_000), null, null, null, List.of(summary), 45,
                rows);
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tor", "sa", "vel", "din", "qua", "ber", "nik",
            "ola", "pru", "zet", "hal", "mor", "gan", "tis", "fel", "dro", "chi", "lum", "pax", "rio", "sen", "bra",
            "kul", "wen", "yor", "ept", "gil", "nop", "sto", "vri", "xan", "jub", "ile", "arc", "ome", "usk"};

    /** Word number {@code k} (0..63,999): its base-40 digits as syllables, lowest first. */
    static String name(int k) {
        var w = new StringBuilder(SYLLABLES[k % 40]).append(SYLLABLES[k / 40 % 40]);
        if (k >= 1600) w.append(SYLLABLES[k / 1600 % 40]);
        return w.toString();
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
